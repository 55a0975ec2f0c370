import { create } from 'zustand';
import { createLibrarySlice } from './library';
import { createReaderSlice } from './reader';
import { createThemesSlice } from './themes';
import type { Store } from './types';
import { createUiSlice } from './ui';
import { createUndoSlice } from './undo';

export type * from './types';

export const useStore = create<Store>()((...a) => ({
  ...createLibrarySlice(...a),
  ...createReaderSlice(...a),
  ...createThemesSlice(...a),
  ...createUiSlice(...a),
  ...createUndoSlice(...a),
}));
