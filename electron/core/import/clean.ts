// Conservative cleaning for the foundation: layout only, never wording. Issue 3 adds the named
// boilerplate rules; here nothing but whitespace is dropped, so no real text can be lost.

export function normalizeLayout(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/\u00a0|\u3000/g, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
