// Never edit a migration once merged: add the next number instead.
// Drafts of edit mode (issue 7, never lose work): the text a user is correcting, written about a
// second after each pause in typing, so that a crash or a closed window loses at most that second.
// One live draft per document and user; a discarded one is kept (discarded_at set) until the next
// discard, so that discarding can be undone.
export const sql = `
CREATE TABLE document_drafts (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  text TEXT NOT NULL,
  -- The version the editor opened (the draft's starting point) and the SHA-256 of its text: a draft
  -- whose base is no longer the current text was overtaken by a version saved meanwhile.
  base_version INTEGER NOT NULL CHECK (base_version >= 1),
  base_hash TEXT NOT NULL,
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  discarded_at TEXT
);

CREATE UNIQUE INDEX document_drafts_live ON document_drafts(document_id, author) WHERE discarded_at IS NULL;
CREATE INDEX document_drafts_owner ON document_drafts(document_id, author, discarded_at);
`;
