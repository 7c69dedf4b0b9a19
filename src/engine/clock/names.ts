import type { Random } from './random';

/** Kubernetes' alphabet for random name suffixes: no vowels, no 0/1/3 (apimachinery util/rand). */
export const SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Longest base kept by generateName (63 - 5). */
export const MAX_GENERATED_BASE_LENGTH = 58;

/** A random string of `length` characters from Kubernetes' suffix alphabet. */
export function randomSuffix(random: Random, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += SUFFIX_ALPHABET[random.intBelow(SUFFIX_ALPHABET.length)];
  return out;
}

/** The name the API server gives an object created with `metadata.generateName`. */
export function generateName(random: Random, base: string): string {
  return base.slice(0, MAX_GENERATED_BASE_LENGTH) + randomSuffix(random, 5);
}

/** An RFC 4122 version-4 shaped UUID drawn from the seeded source. */
export function randomUid(random: Random): string {
  const hex: string[] = [];
  for (let i = 0; i < 4; i++) hex.push(random.uint32().toString(16).padStart(8, '0'));
  const s = hex.join('');
  const variant = ((parseInt(s[16] as string, 16) & 0x3) | 0x8).toString(16);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
}
