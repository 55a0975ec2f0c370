import type { Db } from '../db/connection';

export function findUserByName(db: Db, name: string): string | undefined {
  return (db.prepare('SELECT id FROM users WHERE name = ?').get(name) as { id: string } | undefined)?.id;
}

export function insertUser(db: Db, id: string, name: string, now: string): void {
  db.prepare('INSERT INTO users (id, name, created_at, modified_at) VALUES (?, ?, ?, ?)').run(id, name, now, now);
}

export function userNames(db: Db): Map<string, string> {
  return new Map((db.prepare('SELECT id, name FROM users').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
}
