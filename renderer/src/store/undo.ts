import type { Slice, UndoSlice } from './types';

const LIMIT = 100;

export const createUndoSlice: Slice<UndoSlice> = (set, get) => ({
  past: [],
  future: [],
  pushUndo: (e) => set((s) => ({ past: [...s.past.slice(-(LIMIT - 1)), e], future: [] })),
  popUndo: () => {
    const { past } = get();
    const e = past[past.length - 1];
    if (e) set({ past: past.slice(0, -1) });
    return e;
  },
  popRedo: () => {
    const { future } = get();
    const e = future[future.length - 1];
    if (e) set({ future: future.slice(0, -1) });
    return e;
  },
  pushRedo: (e) => set((s) => ({ future: [...s.future, e] })),
  pushPast: (e) => set((s) => ({ past: [...s.past.slice(-(LIMIT - 1)), e] })),
});
