import * as m001 from './001_init';
import * as m002 from './002_import';
import * as m003 from './003_search';
import * as m004 from './004_search_counts';
import * as m005 from './005_codebook';
import * as m006 from './006_versions';
import * as m007 from './007_drafts';
import * as m008 from './008_document_summaries';

/** Ordered list; the position + 1 is the schema version. Append only. */
export const migrations: { name: string; sql: string }[] = [
  { name: '001_init', sql: m001.sql },
  { name: '002_import', sql: m002.sql },
  { name: '003_search', sql: m003.sql },
  { name: '004_search_counts', sql: m004.sql },
  { name: '005_codebook', sql: m005.sql },
  { name: '006_versions', sql: m006.sql },
  { name: '007_drafts', sql: m007.sql },
  { name: '008_document_summaries', sql: m008.sql },
];
