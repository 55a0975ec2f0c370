import type { Slice, ThemesSlice } from './types';

export const createThemesSlice: Slice<ThemesSlice> = (set) => ({
  themes: [],
  setThemes: (themes) => set({ themes: [...themes].sort((a, b) => a.sortOrder - b.sortOrder) }),
});
