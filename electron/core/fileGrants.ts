// Files the user chose in a native dialog, handed to the page as opaque tokens: the page can ask the
// backend to write the library archive to the file it was given, or to read the archive it was given,
// but it never names a path, so a page that went wrong cannot reach any other file. A token is good
// for one use, for what it was granted for, within a few minutes.
import { randomBytes } from 'node:crypto';
import { PizhuError } from '../../shared/errors';

export type GrantMode = 'read' | 'write';

const TTL_MS = 10 * 60_000;

interface Grant {
  path: string;
  mode: GrantMode;
  expires: number;
}

export class FileGrants {
  private readonly grants = new Map<string, Grant>();

  constructor(private readonly clock: () => number = Date.now) {}

  grant(path: string, mode: GrantMode): string {
    const token = randomBytes(18).toString('base64url');
    this.grants.set(token, { path, mode, expires: this.clock() + TTL_MS });
    return token;
  }

  /** The path behind a token, once. */
  take(token: string, mode: GrantMode): string {
    const g = this.grants.get(token);
    this.grants.delete(token);
    if (!g || g.mode !== mode || g.expires < this.clock()) {
      throw new PizhuError('invalid_input', 'That file choice has expired or was not made here: choose the file again.');
    }
    return g.path;
  }
}
