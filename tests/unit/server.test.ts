import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../electron/core/server/http';
import { TOKEN_HEADER } from '../../shared/transport';
import { open, tempDir, SEED_DOCUMENT_COUNT } from './helpers';

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start() {
  const lib = open();
  const staticDir = tempDir();
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Pizhu</title>');
  server = await startServer({ handlers: lib.handlers, staticDir });
  return server;
}

const call = (s: RunningServer, ch: string, body: unknown, token = s.token) =>
  fetch(`${s.origin}/api/${ch}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token }, body: JSON.stringify(body) });

describe('browser transport', () => {
  it('listens on loopback only and serves the renderer with a CSP', async () => {
    const s = await start();
    expect(s.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const page = await fetch(`${s.origin}/`);
    expect(await page.text()).toContain('<title>Pizhu</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${s.origin}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('answers the contract only with the one-time token', async () => {
    const s = await start();
    expect((await call(s, 'documents.list', {}, 'wrong'.padEnd(s.token.length, 'x'))).status).toBe(403);
    expect((await call(s, 'documents.list', {}, '')).status).toBe(403);
    const ok = (await (await call(s, 'documents.list', {})).json()) as { ok: boolean; value: unknown[] };
    expect(ok.ok).toBe(true);
    expect(ok.value).toHaveLength(SEED_DOCUMENT_COUNT);
    const bad = await (await call(s, 'themes.create', { name: 42 })).json();
    expect(bad).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid_input' }) });
    const junk = await fetch(`${s.origin}/api/themes.create`, { method: 'POST', headers: { [TOKEN_HEADER]: s.token }, body: '{not json' });
    expect(junk.status).toBe(400);
  });
});
