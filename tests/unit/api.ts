// Calls channels the way every transport does (validated by the contract, through dispatch),
// typed by the contract; a failure throws a PizhuError with its code.
import type { Channel, InputOf, OutputOf } from '../../shared/contract';
import { PizhuError } from '../../shared/errors';
import { dispatch } from '../../electron/core/dispatch';
import type { Library } from '../../electron/core/library';

export type Call = <C extends Channel>(channel: C, input: InputOf<C>) => Promise<OutputOf<C>>;

export function api(lib: Library): Call {
  return async (channel, input) => {
    const r = await dispatch(lib.handlers, channel, input);
    if (!r.ok) throw new PizhuError(r.error.code, r.error.message);
    return r.value as never;
  };
}
