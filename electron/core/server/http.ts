// The browser transport: serves the built renderer and answers the contract with the real backend.
// Loopback only, a random port, and a one-time token required on every API request.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';
import type { Handlers } from '../../../shared/contract';
import { MAX_IMPORT_BYTES } from '../../../shared/importLimits';
import { API_PREFIX, TOKEN_HEADER } from '../../../shared/transport';
import { CONTENT_SECURITY_POLICY as CSP, contentTypeFor } from '../../../shared/webPolicy';
import { dispatch } from '../dispatch';

// Room for one import.file call: a file at the import limit, base64-encoded, plus the JSON around it.
export const MAX_BODY_BYTES = Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 1024 * 1024;


export interface ServerOptions {
  handlers: Handlers;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((ok, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        fail(new Error('Request too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => ok(Buffer.concat(chunks).toString('utf8')));
    req.on('error', fail);
  });
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function send(res: ServerResponse, status: number, body: string, type: string) {
  res.writeHead(status, { 'content-type': type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
  res.end(body);
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  const root = resolve(opts.staticDir);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return send(res, 405, '{}', 'application/json');
      if (!tokenMatches(req.headers[TOKEN_HEADER], token)) return send(res, 403, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'Bad token' } }), 'application/json');
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body ? JSON.parse(body) : {};
      } catch (err) {
        return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid_input', message: `Bad request: ${(err as Error).message}` } }), 'application/json');
      }
      const result = await dispatch(opts.handlers, decodeURIComponent(url.pathname.slice(API_PREFIX.length)), input);
      return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '', 'text/plain');
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
    let file = join(root, rel || 'index.html');
    if (!file.startsWith(root + sep) && file !== root) return send(res, 404, 'Not found', 'text/plain');
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html');
    if (!existsSync(file)) return send(res, 500, 'The renderer is not built: run npm run build:renderer', 'text/plain');
    res.writeHead(200, {
      'content-type': contentTypeFor(file),
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  });

  await new Promise<void>((ok) => server.listen(opts.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
