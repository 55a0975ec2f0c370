// Statements prepared once per connection for the inserts that run thousands of times in one transaction (an import
// of a file holding many articles): preparing costs more than running a small insert.
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';

const byConnection = new WeakMap<Db, Map<string, Statement>>();

/** The connection's statement for this SQL, prepared on first use. Only for run/get/all: never iterated, never in use twice at once. */
export function cachedStatement(db: Db, sql: string): Statement {
  let statements = byConnection.get(db);
  if (!statements) byConnection.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
