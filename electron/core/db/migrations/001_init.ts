// Never edit a migration once merged: add the next number instead.
export const sql = `
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL
);

CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  source TEXT,
  byline TEXT,
  url TEXT,
  published_at TEXT,
  text TEXT NOT NULL,
  original BLOB NOT NULL,
  original_name TEXT,
  content_hash TEXT NOT NULL,
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX documents_hash ON documents(content_hash);

CREATE TABLE themes (
  id TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES themes(id),
  name TEXT NOT NULL,
  color TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  sort_order INTEGER NOT NULL DEFAULT 0,
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
);

CREATE TABLE annotations (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
  end_offset INTEGER NOT NULL CHECK (end_offset > start_offset),
  exact TEXT NOT NULL,
  prefix TEXT NOT NULL,
  suffix TEXT NOT NULL,
  note_json TEXT,
  note_text TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE INDEX annotations_document ON annotations(document_id, start_offset);

CREATE TABLE annotation_themes (
  annotation_id TEXT NOT NULL REFERENCES annotations(id),
  theme_id TEXT NOT NULL REFERENCES themes(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (annotation_id, theme_id)
);
CREATE INDEX annotation_themes_theme ON annotation_themes(theme_id);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`;
