// The one entry point every transport (IPC, HTTP, tests) uses: validate, call, serialise.
import { contract, type Channel, type Handlers } from '../../shared/contract';
import { PizhuError, serializeError, type Result } from '../../shared/errors';
import { parseInput } from '../../shared/validate';

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export async function dispatch(handlers: Handlers, channel: string, input: unknown): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new PizhuError('invalid_input', `Unknown channel: ${channel}`);
    const parsed = parseInput(channel, input);
    const handler = handlers[channel] as (i: unknown) => unknown;
    return { ok: true, value: await handler(parsed) };
  } catch (err) {
    return { ok: false, error: serializeError(err) };
  }
}
