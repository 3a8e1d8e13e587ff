export { guerrillaWarfareModel } from './guerrillaWarfareModel.js';
export type { GuerrillaWarfareInputs, GuerrillaWarfareState } from './guerrillaWarfareModel.js';
