// Never edit a migration once merged: add the next number instead.
// The codebook (theme memos, keyboard slots, handout questions, deletions that take sub-themes
// along), memos on documents and on the project, and two derived tables for the analysis views:
// theme co-occurrence kept current by triggers, and per-document word counts.
/**
 * Whether a document is live, asked of the small index of deleted ones: reading documents.deleted_at
 * itself would walk the overflow pages of the text stored before it, for every highlight.
 */
const liveDocument = (id: string) => `${id} NOT IN (SELECT id FROM documents WHERE deleted_at IS NOT NULL)`;

export const sql = `
ALTER TABLE themes ADD COLUMN memo_json TEXT;
ALTER TABLE themes ADD COLUMN memo_text TEXT NOT NULL DEFAULT '';
ALTER TABLE themes ADD COLUMN pinned INTEGER CHECK (pinned BETWEEN 1 AND 9);
ALTER TABLE themes ADD COLUMN questions TEXT NOT NULL DEFAULT '';
-- The theme whose deletion took this sub-theme along, so that restoring it brings this one back.
ALTER TABLE themes ADD COLUMN deleted_with TEXT REFERENCES themes(id);
CREATE UNIQUE INDEX themes_pinned ON themes(pinned) WHERE pinned IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX themes_parent ON themes(parent_id);

CREATE TABLE memos (
  id TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('document', 'project')),
  document_id TEXT REFERENCES documents(id),
  note_json TEXT,
  note_text TEXT NOT NULL DEFAULT '',
  author TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  CHECK ((scope = 'project') = (document_id IS NULL))
);
CREATE UNIQUE INDEX memos_scope ON memos(scope, coalesce(document_id, ''));

-- Word counts of one version of a document: [[word, count], ...] as JSON, under the hash of its
-- text and the segmenter's version; a different hash means the text changed and is counted again.
CREATE TABLE word_counts (
  document_id TEXT PRIMARY KEY,
  text_hash TEXT NOT NULL,
  total INTEGER NOT NULL,
  counts TEXT NOT NULL
);

-- Highlights coded with both themes of each pair (theme_a <= theme_b; theme_a = theme_b: with that
-- theme), counting live highlights in live documents. Kept current by the triggers below, so the
-- co-occurrence matrix and every theme's highlight count are read, not computed. Derived data:
-- repos/analysis.ts rebuildCooccurrence() recomputes it from the links.
CREATE TABLE theme_cooccurrence (
  theme_a TEXT NOT NULL,
  theme_b TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (theme_a, theme_b)
) WITHOUT ROWID;

-- A link added to a live highlight pairs its theme with each of the highlight's themes (itself included).
CREATE TRIGGER cooccurrence_link_insert AFTER INSERT ON annotation_themes
  WHEN (SELECT a.deleted_at IS NULL AND ${liveDocument('a.document_id')} FROM annotations a WHERE a.id = new.annotation_id) BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT min(new.theme_id, o.theme_id), max(new.theme_id, o.theme_id), 1 FROM annotation_themes o WHERE o.annotation_id = new.annotation_id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + 1;
END;

-- The removed link no longer pairs with the remaining ones, nor with itself.
CREATE TRIGGER cooccurrence_link_delete AFTER DELETE ON annotation_themes
  WHEN (SELECT a.deleted_at IS NULL AND ${liveDocument('a.document_id')} FROM annotations a WHERE a.id = old.annotation_id) BEGIN
  UPDATE theme_cooccurrence SET count = count - 1
    WHERE (theme_a, theme_b) IN (SELECT min(old.theme_id, o.theme_id), max(old.theme_id, o.theme_id) FROM annotation_themes o
                                 WHERE o.annotation_id = old.annotation_id)
       OR (theme_a = old.theme_id AND theme_b = old.theme_id);
END;

-- A highlight deleted or restored (in a live document) takes all its pairs out or back.
CREATE TRIGGER cooccurrence_annotation_liveness AFTER UPDATE OF deleted_at ON annotations
  WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL)
   AND ${liveDocument('new.document_id')} BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT x.theme_id, y.theme_id, CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END
    FROM annotation_themes x JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    WHERE x.annotation_id = new.id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + excluded.count;
END;

-- A live highlight moved between a live and a deleted document (split, merge) changes liveness too.
CREATE TRIGGER cooccurrence_annotation_moved AFTER UPDATE OF document_id ON annotations
  WHEN new.deleted_at IS NULL AND old.deleted_at IS NULL AND old.document_id <> new.document_id
   AND ${liveDocument('old.document_id')} <> ${liveDocument('new.document_id')} BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT x.theme_id, y.theme_id, CASE WHEN ${liveDocument('new.document_id')} THEN 1 ELSE -1 END
    FROM annotation_themes x JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    WHERE x.annotation_id = new.id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + excluded.count;
END;

-- A document deleted or restored takes the pairs of its live highlights out or back.
CREATE TRIGGER cooccurrence_document_liveness AFTER UPDATE OF deleted_at ON documents
  WHEN (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
  INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
    SELECT x.theme_id, y.theme_id, CASE WHEN new.deleted_at IS NULL THEN 1 ELSE -1 END * count(*)
    FROM annotations a JOIN annotation_themes x ON x.annotation_id = a.id
      JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    WHERE a.document_id = new.id AND a.deleted_at IS NULL
    GROUP BY x.theme_id, y.theme_id
    ON CONFLICT (theme_a, theme_b) DO UPDATE SET count = count + excluded.count;
END;

INSERT INTO theme_cooccurrence (theme_a, theme_b, count)
  SELECT x.theme_id, y.theme_id, count(*)
  FROM annotation_themes x JOIN annotation_themes y ON y.annotation_id = x.annotation_id AND y.theme_id >= x.theme_id
    JOIN annotations a ON a.id = x.annotation_id
  WHERE a.deleted_at IS NULL AND ${liveDocument('a.document_id')}
  GROUP BY x.theme_id, y.theme_id;

-- The annotations panel filters by theme (covering: no row lookups), sorts by time, walks the
-- documents in list order, and leaves out deleted highlights and documents (few) without reading
-- rows: a document's columns after its text sit on overflow pages.
DROP INDEX annotation_themes_theme;
CREATE INDEX annotation_themes_theme ON annotation_themes(theme_id, annotation_id);
CREATE INDEX annotations_created ON annotations(created_at, id);
CREATE INDEX annotations_deleted ON annotations(id) WHERE deleted_at IS NOT NULL;
CREATE INDEX documents_deleted ON documents(id) WHERE deleted_at IS NOT NULL;
-- Exactly the list order of repos/documents.ts listDocuments (undated last), so walking it needs no sort.
CREATE INDEX documents_order ON documents(published_at IS NULL, published_at, collection_id IS NULL, collection_id, collection_order, title, id)
  WHERE deleted_at IS NULL;
-- Overlapping highlights are found by walking every live range in document order, index only.
CREATE INDEX annotations_ranges ON annotations(document_id, start_offset, end_offset, id) WHERE deleted_at IS NULL;
`;
