export { SimLoop, DEFAULT_STEPS_MAX } from './loop';
export type { TimerId, RunReport } from './loop';
export { createRandom, hashString } from './random';
export type { Random } from './random';
export { randomSuffix, generateName, randomUid, SUFFIX_ALPHABET } from './names';
