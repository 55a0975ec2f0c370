import { contract, type Channel, type InputOf } from './contract';
import { PizhuError } from './errors';

export function parseInput<C extends Channel>(ch: C, input: unknown): InputOf<C> {
  const schema = contract[ch]?.input;
  if (!schema) throw new PizhuError('invalid_input', `Unknown channel: ${String(ch)}`);
  const r = schema.safeParse(input ?? {});
  if (!r.success) {
    throw new PizhuError('invalid_input', `Invalid input for ${ch}: ${r.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  }
  return r.data as InputOf<C>;
}
