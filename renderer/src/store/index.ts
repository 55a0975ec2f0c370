import { create } from 'zustand';
import { createImportSlice } from './importSlice';
import { createLibrarySlice } from './library';
import { createReaderSlice } from './reader';
import { createSearchSlice } from './search';
import { createThemesSlice } from './themes';
import type { Store } from './types';
import { createUiSlice } from './ui';
import { createUndoSlice } from './undo';

export type * from './types';
export type * from './search';
export type * from './importSlice';

export const useStore = create<Store>()((...a) => ({
  ...createImportSlice(...a),
  ...createLibrarySlice(...a),
  ...createReaderSlice(...a),
  ...createSearchSlice(...a),
  ...createThemesSlice(...a),
  ...createUiSlice(...a),
  ...createUndoSlice(...a),
}));
