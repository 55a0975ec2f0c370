// The IPC contract, declared once. Main registers a handler per key, preload and the
// HTTP test transport expose the same keys, the renderer calls them through `Api`.
import { z } from 'zod';
import type { Annotation, DocumentRecord, DocumentSummary, ExampleTheme, Theme } from './domain';

const id = z.string().uuid();
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);
const offset = z.number().int().min(0).max(50_000_000);
const name = z.string().trim().min(1).max(200);

// Curried so that the output type is given and the input schema's type is inferred.
function ch<O>() {
  return <I extends z.ZodType>(input: I) => ({ input, output: undefined as unknown as O });
}

const noInput = z.object({});

export const contract = {
  'library.info': ch<{ libraryDir: string; author: string; documentCount: number }>()(noInput),
  'documents.list': ch<DocumentSummary[]>()(noInput),
  'documents.get': ch<DocumentRecord>()(z.object({ id })),

  'themes.list': ch<Theme[]>()(noInput),
  'themes.create': ch<Theme>()(
    z.object({ name, color: color.optional(), description: z.string().max(10_000).optional(), parentId: id.nullable().optional() }),
  ),
  'themes.update': ch<Theme>()(
    z.object({ id, name: name.optional(), color: color.optional(), description: z.string().max(10_000).optional() }),
  ),
  'themes.delete': ch<{ id: string }>()(z.object({ id })),
  'themes.restore': ch<Theme>()(z.object({ id })),
  'themes.examples': ch<ExampleTheme[]>()(noInput),
  'themes.addExamples': ch<Theme[]>()(noInput),

  'annotations.list': ch<Annotation[]>()(z.object({ documentId: id.optional(), themeId: id.optional() })),
  'annotations.create': ch<Annotation>()(
    z.object({ documentId: id, start: offset, end: offset, themeIds: z.array(id).max(100) }),
  ),
  'annotations.updateNote': ch<Annotation>()(
    z.object({ id, noteJson: z.string().max(5_000_000).nullable(), noteText: z.string().max(1_000_000) }),
  ),
  'annotations.addTheme': ch<Annotation>()(z.object({ id, themeId: id })),
  'annotations.removeTheme': ch<Annotation>()(z.object({ id, themeId: id })),
  'annotations.delete': ch<Annotation>()(z.object({ id })),
  'annotations.restore': ch<Annotation>()(z.object({ id })),

  'export.markdown': ch<{ content: string; suggestedName: string; warnings: string[] }>()(
    z.object({ by: z.enum(['theme', 'document']), documentId: id.optional() }),
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type OutputOf<C extends Channel> = Contract[C]['output'];

/** What the backend implements and what every transport exposes. */
export type Handlers = { [C in Channel]: (input: InputOf<C>) => OutputOf<C> | Promise<OutputOf<C>> };

/** The renderer's view: every channel as an async function. */
export type Api = { [C in Channel]: (input: InputOf<C>) => Promise<OutputOf<C>> };

export const channels = Object.keys(contract) as Channel[];

