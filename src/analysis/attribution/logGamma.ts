// One ln Γ for the whole library (Lanczos, g = 7, n = 9; with reflection below 1/2).
export { logGamma } from '../logGamma.js';
