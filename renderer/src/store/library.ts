import type { LibrarySlice, Slice } from './types';

export const createLibrarySlice: Slice<LibrarySlice> = (set) => ({
  docs: [],
  docsLoaded: false,
  setDocs: (docs) => set({ docs, docsLoaded: true }),
});
