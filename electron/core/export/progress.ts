// How far an export has got, counted in excerpts written, for a job's progress bar. Writers call
// `expect` once they know how many excerpts they will write and `excerpt` as each one is written;
// calls are cheap (the job worker decides how often to pass them on).
export interface ExportProgress {
  expect(total: number): void;
  excerpt(): void;
}

export const NO_PROGRESS: ExportProgress = { expect() {}, excerpt() {} };

/** Turns expect/excerpt calls into done-of-total reports; `done` never passes `total` (an excerpt under two themes is written twice). */
export function countExcerpts(report: (done: number, total: number) => void): ExportProgress {
  let done = 0;
  let total = 0;
  return {
    expect(n) {
      done = 0;
      total = n;
      report(done, total);
    },
    excerpt() {
      if (done < total) report(++done, total);
    },
  };
}
