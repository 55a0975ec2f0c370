export interface BenchRow {
  name: string;
  unit: string;
  ours: number;
  baseline: number | null;
  baselineName: string;
  /** Upper bound the figure must stay under, when the issue sets one. */
  goal: number | null;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
