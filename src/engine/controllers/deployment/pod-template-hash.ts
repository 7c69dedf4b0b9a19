/**
 * The `pod-template-hash` of a Deployment's ReplicaSets: an FNV-1a 32-bit hash of the pod template
 * (and the collision count), printed in decimal and passed through Kubernetes' "safe" alphabet, so
 * it only ever contains the ten characters `4 5 6 7 8 9 b c d f` (e.g. `7854ff8877`). The bytes
 * hashed are our canonical JSON of the template, not Go's dump, so values differ from a real cluster's.
 */
import { hashString } from '../../clock';

const SAFE = 'bcdfghjklmnpqrstvwxz2456789';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** apimachinery rand.SafeEncodeString: each character's code indexes a vowel-free alphabet. */
export function safeEncodeString(value: string): string {
  return [...value].map((c) => SAFE[c.charCodeAt(0) % SAFE.length]).join('');
}

export function podTemplateHash(template: unknown, collisionCount = 0): string {
  const h = hashString(canonical(template) + (collisionCount ? `#${collisionCount}` : ''));
  return safeEncodeString(String(h));
}
