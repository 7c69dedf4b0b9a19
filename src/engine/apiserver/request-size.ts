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
