export type { RandomSource } from './randomSource.js';
export { createRunStream } from './createRunStream.js';
export { randomPoisson } from './randomPoisson.js';
export { randomBinomial } from './randomBinomial.js';
export { logFactorial } from './logFactorial.js';
export { randomGammaMeanOne } from './randomGammaMeanOne.js';
