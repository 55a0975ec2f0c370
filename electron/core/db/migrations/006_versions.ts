// Never edit a migration once merged: add the next number instead.
// Versions of each document's canonical text, and orphaned highlights (issue 8). A highlight that
// could not be placed after a text change keeps its quote, note and themes, with orphaned_at set:
// it is no longer "placed", so it leaves every view that reads positions and every count, exactly
// like a deleted one, until it is re-attached.

/** A random version-4 UUID in SQL, for rows the migration and the insert trigger create. */
const uuid = `lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
  || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))`;

/** Live document (see 005): asked of the small index of deleted ones. */
const liveDocument = (id: string) => `${id} NOT IN (SELECT id FROM documents WHERE deleted_at IS NOT NULL)`;
const placed = (a: string) => `${a}.deleted_at IS NULL AND ${a}.orphaned_at IS NULL`;

export const sql = `
-- One row per version; number 1 is the text as imported. The current (highest) version's text is
-- documents.text and its own column stays NULL, so no text is stored twice; saving a new version
-- first copies the outgoing text into its row.
CREATE TABLE document_versions (
  id TEXT PRIMARY KEY,
  document_id TEXT NOT NULL REFERENCES documents(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  reason TEXT NOT NULL CHECK (reason IN ('import', 'edit', 'file', 'restoreVersion', 'restoreSpan', 'split', 'merge')),
  text TEXT,
  -- length() of the text, as documents list it
  length INTEGER NOT NULL,
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (document_id, number)
);

INSERT INTO document_versions (id, document_id, number, reason, text, length, author, created_at)
  SELECT ${uuid}, id, 1, 'import', NULL, length(text), author, created_at FROM documents;

-- Every new document (import, split, REFI-QDA project) starts at version 1.
CREATE TRIGGER document_first_version AFTER INSERT ON documents BEGIN
  INSERT INTO document_versions (id, document_id, number, reason, text, length, author, created_at)
    VALUES (${uuid}, new.id, 1, 'import', NULL, length(new.text), new.author, new.created_at);
END;

ALTER TABLE annotations ADD COLUMN orphaned_at TEXT;
CREATE INDEX annotations_orphaned ON annotations(document_id, orphaned_at) WHERE orphaned_at IS NOT NULL;

-- Ranges of placed highlights only (index-only overlap walks and counts).
DROP INDEX annotations_ranges;
CREATE INDEX annotations_ranges ON annotations(document_id, start_offset, end_offset, id) WHERE deleted_at IS NULL AND orphaned_at IS NULL;

-- The co-occurrence triggers of 005 again, counting placed highlights (not deleted, not orphaned).
DROP TRIGGER cooccurrence_link_insert;
CREATE TRIGGER cooccurrence_link_insert AFTER INSERT ON annotation_themes
  WHEN (SELECT ${placed('a')} AND ${liveDocument('a.document_id')} FROM annotations a WHERE a.id = new.annotation_id) BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT min(new.theme_id, o.theme_id), max(new.theme_id, o.theme_id), 1 FROM annotation_themes o WHERE o.annotation_id = new.annotation_id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + 1;
END;

DROP TRIGGER cooccurrence_link_delete;
CREATE TRIGGER cooccurrence_link_delete AFTER DELETE ON annotation_themes
  WHEN (SELECT ${placed('a')} AND ${liveDocument('a.document_id')} FROM annotations a WHERE a.id = old.annotation_id) BEGIN
  UPDATE theme_cooccurrence SET count = count - 1
    WHERE (theme_a, theme_b) IN (SELECT min(old.theme_id, o.theme_id), max(old.theme_id, o.theme_id) FROM annotation_themes o
                                 WHERE o.annotation_id = old.annotation_id)
       OR (theme_a = old.theme_id AND theme_b = old.theme_id);
END;

-- Deleted, restored, orphaned or re-attached: the highlight's pairs go out or come back.
DROP TRIGGER cooccurrence_annotation_liveness;
CREATE TRIGGER cooccurrence_annotation_liveness AFTER UPDATE OF deleted_at, orphaned_at ON annotations
  WHEN (${placed('old')}) <> (${placed('new')})
   AND ${liveDocument('new.document_id')} BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT x.theme_id, y.theme_id, CASE WHEN ${placed('new')} THEN 1 ELSE -1 END
    FROM annotation_themes x JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    WHERE x.annotation_id = new.id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + excluded.count;
END;

DROP TRIGGER cooccurrence_annotation_moved;
CREATE TRIGGER cooccurrence_annotation_moved AFTER UPDATE OF document_id ON annotations
  WHEN ${placed('new')} AND ${placed('old')} AND old.document_id <> new.document_id
   AND ${liveDocument('old.document_id')} <> ${liveDocument('new.document_id')} BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT x.theme_id, y.theme_id, CASE WHEN ${liveDocument('new.document_id')} THEN 1 ELSE -1 END
    FROM annotation_themes x JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    WHERE x.annotation_id = new.id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + excluded.count;
END;

DROP TRIGGER cooccurrence_document_liveness;
CREATE TRIGGER cooccurrence_document_liveness AFTER UPDATE OF deleted_at ON documents
  WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT x.theme_id, y.theme_id, CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END * count(*)
    FROM annotations a JOIN annotation_themes x ON x.annotation_id = a.id
      JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    WHERE a.document_id = new.id AND ${placed('a')}
    GROUP BY x.theme_id, y.theme_id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + excluded.count;
END;
`;
