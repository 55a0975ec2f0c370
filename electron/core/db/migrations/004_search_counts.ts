// Never edit a migration once merged: add the next number instead.
// The search index keeps every token occurrence (detail=full) so that its vocabulary gives exact
// totals without reading texts, and search_docs keeps the simplified text rather than the fully
// folded one (search lower-cases in memory). Both are derived: empty them and queue every document.
export const sql = `
DROP TABLE search_index;
CREATE VIRTUAL TABLE search_index USING fts5(
  tokens, content='', contentless_delete=1, detail=full, tokenize='ascii', prefix='1'
);
CREATE VIRTUAL TABLE search_vocabulary USING fts5vocab(search_index, 'row');

DELETE FROM search_docs;
ALTER TABLE search_docs RENAME COLUMN folded TO simplified;

INSERT OR IGNORE INTO search_dirty (document_id) SELECT id FROM documents;
`;
