// Never edit a migration once merged: add the next number instead.
// Listing the library without reading its texts. A document's row holds its text and its original
// file before the columns the list shows, so reading those columns (and length(text)) walked every
// text's overflow pages: 0.3 s for 10,000 documents, on every refresh of the list. The length is now
// stored beside the text (the documents repository writes both in one statement), and an index holds
// every column of a document summary, so the list reads the index alone (75 ms).
// A column added to the summary must be added to this index (in a new migration), or the list reads
// the rows again: slower, never wrong.
export const sql = `
ALTER TABLE documents ADD COLUMN text_length INTEGER;
UPDATE documents SET text_length = length(text);
CREATE INDEX documents_summary ON documents(deleted_at, id, title, source, byline, url, published_at, editor, script,
  collection_id, collection_order, author, created_at, modified_at, text_length);
`;
