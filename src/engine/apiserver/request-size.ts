/** How many bytes a value takes as JSON on the wire (UTF-8), as the API server and etcd count them. */

function utf8Length(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The UTF-8 length of `value` as JSON (a string body, such as an apply patch, as it is). Counting stops being exact only past `limit`'s reach: a short text is measured by its length. */
export function jsonByteLength(value: unknown, limit: number): number {
  let text: string;
  try {
    text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  } catch {
    return 0; // nesting too deep to serialise here: other checks answer it
  }
  // Each UTF-16 unit is at most 3 bytes: a text that short cannot be over the limit.
  return text.length * 3 <= limit ? text.length : utf8Length(text);
}

/** Upper bounds of frozen (stored) values, which never change: most of a write is shared with the last one. */
const bounds = new WeakMap<object, number>();
const REMEMBERED_BYTES = 4096;

/**
 * At least as many bytes as `value` takes as JSON, found without serialising it: a string counts
 * 6 bytes a character (a `\uXXXX` escape), a number 24. Nearly every object is far below the
 * limits, so this settles the check; only a value near a limit is measured exactly.
 */
function upperBound(value: unknown): number {
  if (typeof value === 'string') return 2 + 6 * value.length;
  if (typeof value !== 'object' || value === null) return 24;
  // Only frozen values are looked up: a WeakMap lookup gives a fresh object an identity hash it does not otherwise need.
  const frozen = Object.isFrozen(value);
  const known = frozen ? bounds.get(value) : undefined;
  if (known !== undefined) return known;
  let bytes = 2;
  if (Array.isArray(value)) for (const item of value) bytes += upperBound(item) + 1;
  else for (const [key, item] of Object.entries(value)) bytes += 2 + 6 * key.length + 2 + upperBound(item);
  // Only big subtrees are remembered: an entry per small object would make the WeakMap itself the cost.
  if (frozen && bytes >= REMEMBERED_BYTES) bounds.set(value, bytes);
  return bytes;
}

/** Whether `value` takes more than `limit` bytes as JSON (UTF-8). */
export function exceedsJsonBytes(value: unknown, limit: number): boolean {
  try {
    if (typeof value !== 'string' && upperBound(value) <= limit) return false;
  } catch {
    // Nested too deep to walk here: measured (or left to other checks) below.
  }
  return jsonByteLength(value, limit) > limit;
}
