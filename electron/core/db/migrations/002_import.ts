// Never edit a migration once merged: add the next number instead.
// Collections (files split into several articles), richer metadata, the import report, and the
// spans the cleaner removed so that they can be shown and restored.
export const sql = `
CREATE TABLE collections (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  deleted_at TEXT
);

ALTER TABLE documents ADD COLUMN editor TEXT;
ALTER TABLE documents ADD COLUMN script TEXT NOT NULL DEFAULT 'simplified';
ALTER TABLE documents ADD COLUMN collection_id TEXT REFERENCES collections(id);
ALTER TABLE documents ADD COLUMN collection_order INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN import_report TEXT;
-- Headings and emphasis from .docx/HTML as JSON [{start,end,kind}] on the canonical text.
ALTER TABLE documents ADD COLUMN marks TEXT NOT NULL DEFAULT '[]';
CREATE INDEX documents_collection ON documents(collection_id, collection_order);

CREATE TABLE removed_spans (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  position INTEGER NOT NULL CHECK (position >= 0),
  text TEXT NOT NULL,
  rule TEXT NOT NULL,
  -- Offset in the source text: orders spans that share a position so restores rebuild the original.
  source_offset INTEGER NOT NULL DEFAULT 0,
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  restored_at TEXT
);
CREATE INDEX removed_spans_document ON removed_spans(document_id, position);
`;
