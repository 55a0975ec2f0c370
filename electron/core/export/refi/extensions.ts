// What Pizhu stores that REFI-QDA has no place for (rich-text notes as Lexical JSON, headings and
// emphasis, the cleaner's removed text, a theme's keyboard slot and handout questions) travels in
// `pizhu.json` beside project.qde. Other programs ignore the file; Pizhu uses an entry only while it
// still matches the standard part (the same text, the same note), so edits made elsewhere win.
import { z } from 'zod';
import { CLEANING_RULE_IDS } from '../../../../shared/importLimits';

export const EXTENSIONS_FILE = 'pizhu.json';

const richNote = z.object({ noteText: z.string(), noteJson: z.string().nullable() });

export const extensionsSchema = z.object({
  format: z.literal('pizhu-qdpx-extensions'),
  version: z.literal(1),
  documents: z.record(
    z.string(),
    z.object({
      textSha256: z.string(),
      script: z.enum(['simplified', 'traditional', 'mixed', 'none']),
      marks: z.array(z.object({ start: z.number().int().min(0), end: z.number().int().min(0), kind: z.enum(['h1', 'h2', 'h3', 'bold', 'italic']) })),
      removed: z.array(
        z.object({ id: z.string(), position: z.number().int().min(0), text: z.string(), rule: z.enum(CLEANING_RULE_IDS), sourceOffset: z.number().int() }),
      ),
    }),
  ),
  themes: z.record(
    z.string(),
    z.object({
      sortOrder: z.number().int(),
      memoJson: z.string().nullable(),
      memoText: z.string(),
      pinned: z.number().int().min(1).max(9).nullable(),
      questions: z.string(),
      author: z.string(),
      createdAt: z.string(),
      modifiedAt: z.string(),
    }),
  ),
  annotations: z.record(z.string(), richNote),
  memos: z.record(z.string(), richNote),
});

export type PizhuExtensions = z.infer<typeof extensionsSchema>;
