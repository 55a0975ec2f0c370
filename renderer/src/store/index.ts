import { create } from 'zustand';
import { createAnalysisSlice } from './analysis';
import { createCodebookSlice } from './codebook';
import { createImportSlice } from './importSlice';
import { createLibrarySlice } from './library';
import { createReaderSlice } from './reader';
import { createRevisionSlice } from './revision';
import { createSearchSlice } from './search';
import { createThemesSlice } from './themes';
import type { Store } from './types';
import { createUiSlice } from './ui';
import { createUndoSlice } from './undo';

export type * from './types';
export type * from './search';
export type * from './importSlice';
export type * from './analysis';
export type * from './codebook';
export type * from './revision';
export { readerModeOf } from './revision';

export const useStore = create<Store>()((...a) => ({
  ...createAnalysisSlice(...a),
  ...createCodebookSlice(...a),
  ...createImportSlice(...a),
  ...createLibrarySlice(...a),
  ...createReaderSlice(...a),
  ...createRevisionSlice(...a),
  ...createSearchSlice(...a),
  ...createThemesSlice(...a),
  ...createUiSlice(...a),
  ...createUndoSlice(...a),
}));
