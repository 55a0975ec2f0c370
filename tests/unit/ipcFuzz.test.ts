// Every IPC channel against thousands of random and malformed payloads, through the one entry point every
// transport uses (dispatch) on a real library: each call resolves to a typed result, nothing throws, nothing
// crashes, Object.prototype stays clean, and the database is byte-for-byte what it was.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { channels, contract, type Channel } from '../../shared/contract';
import type { ErrorCode } from '../../shared/errors';
import { dispatch } from '../../electron/core/dispatch';
import { open } from './helpers';

const SEED = Number(process.env.PIZHU_FUZZ_SEED ?? 20261122);
const INVALID_PER_CHANNEL = 150;
const VALID_PER_CHANNEL = 30;
const UNKNOWN_CHANNELS = 400;

const ERROR_CODES: ReadonlySet<ErrorCode> = new Set(['invalid_input', 'not_found', 'conflict', 'unsupported', 'io', 'cancelled', 'internal']);

/**
 * Channels that only read. Any other channel (including ones added later) is treated as one that writes, and gets
 * only payloads its schema rejects, or valid payloads whose required id points at nothing.
 */
const READ_ONLY = new Set<string>([
  'library.info',
  'library.health',
  'documents.list',
  'documents.summaries',
  'documents.get',
  'collections.list',
  'import.rules',
  'search.query',
  'themes.list',
  'themes.examples',
  'codebook.export',
  'annotations.list',
  'annotations.query',
  'annotations.orphans',
  'retrieve.coded',
  'memos.get',
  'analysis.frequency',
  'analysis.cooccurrence',
  'analysis.cooccurrencePassages',
  'analysis.terms',
  'analysis.words',
  'analysis.stopwords',
  'export.file',
  'export.preview',
  'export.markdown',
  'backups.list',
  'jobs.get',
  'preferences.get',
  'versions.list',
  'versions.get',
]);

// ---- payloads ----

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  format?: string;
};

const schemaOf = (ch: Channel) => z.toJSONSchema(contract[ch].input, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
const isUuidSchema = (s: JsonSchema | undefined) => s?.type === 'string' && s.format === 'uuid';

/** Values of the shape the schema describes; every id a fresh random UUID, so it names nothing in the library. */
function validArb(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validArb));
  switch (s.type) {
    case 'string': {
      if (s.format === 'uuid') return fc.uuid({ version: 4 });
      const maxLength = Math.min(s.maxLength ?? 40, 40);
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? Infinity));
      return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.max(maxLength, s.minLength ?? 0) });
    }
    case 'integer':
      return fc.integer({ min: Math.max(s.minimum ?? -1e6, -1e9), max: Math.min(s.maximum ?? 1e6, 1e9) });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(validArb(s.items ?? {}), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 3) });
    case 'object': {
      const props = s.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, validArb(v)]));
      return fc.record(model, { requiredKeys: (s.required ?? []) as never[] });
    }
    default:
      return fc.anything();
  }
}

const HUGE = 'Ω'.repeat(2_000_000);
/** An object that, merged carelessly, would set Object.prototype.polluted. */
const POLLUTER = JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}') as object;

function deep(depth: number, leaf: unknown, asArray: boolean): unknown {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}

/** Values that no field of the contract should take as they are. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -0.5,
    2 ** 53,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    1e21,
    HUGE,
    '',
    ' ',
    '\u0000',
    '../../../../etc/passwd',
    'javascript:alert(1)',
    '<script>alert(1)</script>',
    "'; DROP TABLE documents; --",
    '00000000-0000-0000-0000-00000000000g',
    POLLUTER,
    Object.create(null),
    deep(10_000, 1, true),
    deep(2_000, 'x', false),
    new Date(Number.NaN),
    new Uint8Array(16),
    new Map([['id', crypto.randomUUID()]]),
    undefined,
    null,
    true,
    [],
    {},
  ),
  fc.anything({
    maxDepth: 4,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withObjectString: true,
    withBoxedValues: true,
    withSparseArray: true,
    withTypedArray: true,
  }),
  fc.double(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

/**
 * A valid-shaped value with one field (at any depth) replaced, removed, or given a prototype-polluting key;
 * `choices` (random naturals) pick the field and what happens to it.
 */
function mutate(value: unknown, choices: number[], replacement: unknown): unknown {
  if (value === null || typeof value !== 'object') return replacement;
  const next = () => choices.shift() ?? 0;
  const isArray = Array.isArray(value);
  const copy = (isArray ? [...(value as unknown[])] : { ...(value as Record<string, unknown>) }) as Record<string, unknown>;
  const keys = Object.keys(copy);
  const roll = next() % 10;
  if (keys.length === 0 || roll === 0) return replacement;
  const key = keys[next() % keys.length];
  if (roll === 1 && !isArray) {
    delete copy[key];
    return copy;
  }
  if (roll === 2 && !isArray) return Object.assign(JSON.parse('{"__proto__":{"polluted":"yes"}}') as object, copy);
  copy[key] = next() % 3 === 0 ? mutate(copy[key], choices, replacement) : replacement;
  return copy;
}

function invalidPayloads(ch: Channel, count: number, seed: number): unknown[] {
  const schema = contract[ch].input;
  const arb = fc.oneof(
    { weight: 1, arbitrary: hostileValue },
    { weight: 3, arbitrary: fc.tuple(validArb(schemaOf(ch)), hostileValue, fc.array(fc.nat(), { minLength: 12, maxLength: 12 })).map(([v, bad, choices]) => mutate(v, choices, bad)) },
  );
  return fc.sample(arb, { numRuns: count * 3, seed }).filter((p) => !schema.safeParse(p ?? {}).success).slice(0, count);
}

// ---- the library's data ----

type Lib = ReturnType<typeof open>;

/** A hash of every row of every table (virtual tables through their shadow tables), in a fixed order. */
function digest(lib: Lib): { hash: string; rows: number } {
  const db = lib.ctx.db;
  const tables = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string; sql: string | null }[]).filter(
    (t) => !/^CREATE VIRTUAL TABLE/i.test(t.sql ?? ''),
  );
  const h = createHash('sha256');
  let rows = 0;
  for (const { name } of tables) {
    const lines = (db.prepare(`SELECT * FROM "${name.replace(/"/g, '""')}"`).raw().all() as unknown[][]).map((r) =>
      JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? v.toString() : v)),
    );
    lines.sort();
    rows += lines.length;
    h.update(`${name}\n${lines.join('\n')}\n`);
  }
  return { hash: h.digest('hex'), rows };
}

function isTypedError(r: unknown): r is { ok: false; error: { code: ErrorCode; message: string } } {
  if (!r || typeof r !== 'object') return false;
  const o = r as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  return o.ok === false && typeof o.error?.message === 'string' && ERROR_CODES.has(o.error.code as ErrorCode);
}

async function withData(lib: Lib): Promise<void> {
  // Something in every kind of table: a theme, highlights with a note, a memo, and the search index built.
  const docs = lib.handlers['documents.list']({}) as { id: string }[];
  const theme = (await lib.handlers['themes.create']({ name: '科技创新' })) as { id: string };
  const ann = (await lib.handlers['annotations.create']({ documentId: docs[0].id, start: 10, end: 20, themeIds: [theme.id] })) as { id: string };
  await lib.handlers['annotations.updateNote']({ id: ann.id, noteJson: null, noteText: '值得细读' });
  await lib.handlers['memos.save']({ scope: 'project', noteJson: null, noteText: '研究问题' });
  await lib.handlers['search.query']({ query: '新质生产力' });
}

describe('IPC fuzz', () => {
  it('answers every malformed payload on every channel with a typed error and changes nothing', async () => {
    const lib = open();
    await withData(lib);
    const before = digest(lib);
    const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
    const counts = { calls: 0, invalid: 0, unknownChannel: 0, validRandomIds: 0, okReads: 0 };
    const byCode: Record<string, number> = {};
    const started = Date.now();

    // 1. Payloads the schema rejects, on every channel: invalid_input, and the handler never runs.
    for (const [i, ch] of channels.entries()) {
      for (const payload of invalidPayloads(ch, INVALID_PER_CHANNEL, SEED + i)) {
        const r = await dispatch(lib.handlers, ch, payload);
        counts.calls++;
        counts.invalid++;
        expect(isTypedError(r), `${ch} ${String(r.ok)}`).toBe(true);
        if (!r.ok) {
          expect(r.error.code, `${ch}: ${r.error.message}`).toBe('invalid_input');
          byCode[r.error.code] = (byCode[r.error.code] ?? 0) + 1;
        }
      }
    }

    // 2. Channels that do not exist, including names that exist on every object.
    const names = [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '',
      'documents.list ',
      'DOCUMENTS.LIST',
      'documents',
      'saveFile',
      'pizhu:documents.list',
      ...fc.sample(fc.string({ maxLength: 60 }), { numRuns: UNKNOWN_CHANNELS, seed: SEED }),
    ].filter((n) => !(channels as string[]).includes(n));
    for (const name of names) {
      const r = await dispatch(lib.handlers, name, {});
      counts.calls++;
      counts.unknownChannel++;
      expect(isTypedError(r) && r.error.code === 'invalid_input', name).toBe(true);
    }
    expect(digest(lib)).toEqual(before);

    // 3. Valid-shaped payloads whose ids name nothing: reading channels may answer, writing channels must say
    //    not_found or invalid_input (only channels with a required id: an optional one can legitimately be left out).
    for (const [i, ch] of channels.entries()) {
      const schema = schemaOf(ch);
      const requiredId = (schema.required ?? []).some((k) => isUuidSchema(schema.properties?.[k]));
      const readOnly = READ_ONLY.has(ch);
      if (!readOnly && !requiredId) continue;
      const payloads = fc
        .sample(validArb(schema), { numRuns: VALID_PER_CHANNEL * 2, seed: SEED + 1000 + i })
        .filter((p) => contract[ch].input.safeParse(p).success && /[0-9a-f]{8}-[0-9a-f]{4}-/.test(JSON.stringify(p)))
        .slice(0, VALID_PER_CHANNEL);
      for (const payload of payloads) {
        const r = await dispatch(lib.handlers, ch, payload);
        counts.calls++;
        counts.validRandomIds++;
        if (r.ok) {
          expect(readOnly, `${ch} accepted ${JSON.stringify(payload).slice(0, 200)}`).toBe(true);
          counts.okReads++;
          continue;
        }
        expect(isTypedError(r), ch).toBe(true);
        expect(['not_found', 'invalid_input'], `${ch} ${JSON.stringify(payload).slice(0, 200)}: ${r.error.code} ${r.error.message}`).toContain(r.error.code);
        byCode[r.error.code] = (byCode[r.error.code] ?? 0) + 1;
      }
    }

    expect(digest(lib)).toEqual(before);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The library still answers normally, and the digest does see a change when there is one.
    const after = await dispatch(lib.handlers, 'documents.list', {});
    expect(after.ok && (after.value as unknown[]).length).toBeGreaterThan(0);
    expect((await dispatch(lib.handlers, 'themes.create', { name: '对照' })).ok).toBe(true);
    expect(digest(lib).hash).not.toBe(before.hash);

    console.log(
      `IPC fuzz (seed ${SEED}): ${counts.calls} calls on ${channels.length} channels in ${Date.now() - started} ms — ` +
        `${counts.invalid} schema-rejected payloads, ${counts.unknownChannel} unknown channel names, ` +
        `${counts.validRandomIds} valid-shaped payloads with ids naming nothing (${counts.okReads} answered by reading channels); ` +
        `errors by code ${JSON.stringify(byCode)}; ${before.rows} rows unchanged`,
    );
  }, 60_000);
});
