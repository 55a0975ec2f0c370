import type { LibrarySlice, Slice } from './types';

export const createLibrarySlice: Slice<LibrarySlice> = (set) => ({
  docs: [],
  docsLoaded: false,
  setDocs: (docs) => set({ docs, docsLoaded: true }),
  updateDocs: (ids, summaries) =>
    set((s) => {
      const fresh = new Map(summaries.map((d) => [d.id, d]));
      const asked = new Set(ids);
      // Unchanged rows keep their objects, so only the changed rows re-render.
      return { docs: s.docs.flatMap((d) => (asked.has(d.id) ? (fresh.get(d.id) ?? []) : [d])) };
    }),
});
