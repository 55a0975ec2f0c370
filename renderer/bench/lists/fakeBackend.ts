// The long-lists bench page's backend: the page's fetch answers the API's annotations.query from an
// array in memory, so that the figures are the renderer's alone. Any other channel is counted and
// refused; bench/lists.ts checks that none was called.
import type { AnnotationPage, CodedPassage } from '../../../shared/domain';
import type { Result } from '../../../shared/errors';
import { API_PREFIX } from '../../../shared/transport';

export const backend = {
  passages: [] as CodedPassage[],
  /** performance.now() when the last page was answered. */
  answeredAt: 0,
  unexpected: [] as string[],
};

function answer(channel: string, input: { offset?: number; limit?: number }): Result<unknown> {
  if (channel === 'annotations.query') {
    const { offset = 0, limit = 200 } = input;
    const value: AnnotationPage = { total: backend.passages.length, items: backend.passages.slice(offset, offset + limit) };
    backend.answeredAt = performance.now();
    return { ok: true, value };
  }
  if (channel === 'collections.list') return { ok: true, value: [] };
  backend.unexpected.push(channel);
  return { ok: false, error: { code: 'unsupported', message: `bench page: no ${channel}` } };
}

window.fetch = (async (url: string, init?: RequestInit) => {
  const channel = String(url).startsWith(API_PREFIX) ? String(url).slice(API_PREFIX.length) : String(url);
  const result = answer(channel, JSON.parse(String(init?.body ?? '{}')) as { offset?: number; limit?: number });
  return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
}) as typeof fetch;
