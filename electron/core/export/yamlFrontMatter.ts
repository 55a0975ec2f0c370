// YAML front matter for note apps (Obsidian properties): every string double-quoted, so that a title
// such as `No: 1` or `[草稿]` stays a string; ISO dates bare, so that note apps read them as dates.

export type FrontMatterValue = string | number | null | undefined;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function scalar(value: string | number): string {
  if (typeof value === 'number' || ISO_DATE.test(value)) return String(value);
  // A JSON string is a valid YAML double-quoted scalar.
  return JSON.stringify(value);
}

/** Keys with an empty value are left out. */
export function frontMatter(fields: [string, FrontMatterValue][]): string {
  const lines = fields.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => `${k}: ${scalar(v!)}`);
  return ['---', ...lines, '---'].join('\n');
}
