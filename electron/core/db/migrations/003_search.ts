// Never edit a migration once merged: add the next number instead.
// The library-wide search index. It is derived data: `npx pizhu reindex` rebuilds it from documents.
// Triggers queue every text change, insert and deletion, so no other service has to call search.
export const sql = `
-- One row per indexed document. AUTOINCREMENT: an id is never reused, so a folded text cached
-- under its id never goes stale; re-indexing a document gives it a new id.
CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  document_id TEXT NOT NULL UNIQUE,
  length INTEGER NOT NULL,
  -- The search key (simplified, lower-case Latin, same length as the text); NULL when equal to the text.
  folded TEXT
);

-- Contentless: only which documents hold each token. Tokens are overlapping Han bigrams plus each
-- run's last character (a one-character query is a prefix query), and whole Latin/digit words.
-- Exact positions come from the folded text, so detail=none is enough.
CREATE VIRTUAL TABLE search_index USING fts5(
  tokens, content='', contentless_delete=1, detail=none, tokenize='ascii', prefix='1'
);

-- Documents whose text changed, appeared or went away since they were last indexed.
CREATE TABLE search_dirty (document_id TEXT PRIMARY KEY);

-- Bumped when anything the search filters or shows changes, so a reader can refresh its copy.
CREATE TABLE search_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  meta_version INTEGER NOT NULL
);
INSERT INTO search_state (id, meta_version) VALUES (1, 0);

CREATE TRIGGER search_queue_insert AFTER INSERT ON documents BEGIN
  INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.id);
END;
CREATE TRIGGER search_queue_update AFTER UPDATE OF text, deleted_at ON documents
  WHEN old.text IS NOT new.text OR old.deleted_at IS NOT new.deleted_at BEGIN
  INSERT OR IGNORE INTO search_dirty (document_id) VALUES (new.id);
END;
CREATE TRIGGER search_queue_delete AFTER DELETE ON documents BEGIN
  INSERT OR IGNORE INTO search_dirty (document_id) VALUES (old.id);
END;
CREATE TRIGGER search_meta_update AFTER UPDATE OF title, source, published_at, collection_id ON documents BEGIN
  UPDATE search_state SET meta_version = meta_version + 1 WHERE id = 1;
END;

INSERT INTO search_dirty (document_id) SELECT id FROM documents;
`;
