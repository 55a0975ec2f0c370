// One backend question per view: loading, answer, error, retry; an older answer never overwrites a newer one.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface QueryState<T> {
  status: 'loading' | 'done' | 'error';
  data: T | undefined;
  error: string | null;
  reload: () => void;
}

function describe(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return (code ? `[${code}] ` : '') + message;
}

/** Runs `ask` whenever `key` changes; `null` asks nothing. The last answer stays on screen while the next one loads. */
export function useQuery<T>(ask: (() => Promise<T>) | null, key: string): QueryState<T> {
  const [state, setState] = useState<Omit<QueryState<T>, 'reload'>>({ status: 'loading', data: undefined, error: null });
  const seq = useRef(0);
  const askRef = useRef(ask);
  askRef.current = ask;
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    const run = askRef.current;
    const mine = ++seq.current;
    if (!run) {
      setState({ status: 'done', data: undefined, error: null });
      return;
    }
    setState((s) => ({ ...s, status: 'loading', error: null }));
    run().then(
      (data) => mine === seq.current && setState({ status: 'done', data, error: null }),
      (err: unknown) => mine === seq.current && setState((s) => ({ status: 'error', data: s.data, error: describe(err) })),
    );
  }, [key, tick]);

  return { ...state, reload };
}
