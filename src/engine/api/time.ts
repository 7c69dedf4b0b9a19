/** Timestamps as Kubernetes serialises them (RFC 3339, second precision, UTC). */
export function formatRfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Every write stamps its managedFields with this: the same second comes up again and again.
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
let lastSecond = NaN;
let lastText = '';

/** Micro-second precision timestamps (`eventTime`, lease `renewTime`): `2025-09-01T09:00:00.000000Z`. */
export function formatRfc3339Micro(ms: number): string {
  // toISOString always ends in `.mmmZ`: append three zeros to the milliseconds.
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, -1)}000Z`;
}

export function parseRfc3339(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
