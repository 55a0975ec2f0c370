import type { ReaderSlice, Slice } from './types';

export const createReaderSlice: Slice<ReaderSlice> = (set) => ({
  doc: null,
  docLoading: false,
  annotations: [],
  activeId: null,
  setDoc: (doc) => set({ doc, annotations: [], activeId: null }),
  setDocLoading: (docLoading) => set({ docLoading }),
  setAnnotations: (annotations) =>
    set((s) => ({
      annotations: [...annotations].sort((a, b) => a.start - b.start || a.end - b.end),
      activeId: s.activeId && annotations.some((a) => a.id === s.activeId) ? s.activeId : null,
    })),
  upsertAnnotation: (a) =>
    set((s) => ({
      annotations: s.annotations.some((x) => x.id === a.id)
        ? s.annotations.map((x) => (x.id === a.id ? a : x))
        : [...s.annotations, a].sort((x, y) => x.start - y.start || x.end - y.end),
    })),
  setActive: (activeId) => set({ activeId }),
});
