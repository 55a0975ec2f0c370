// The import pipeline after parsing: clean → read metadata → split into articles → detect
// script. Pure: it returns what to store; the import service stores it in one transaction.
import { detectScript } from '../../../shared/chinese';
import type { CleaningRuleId, ImportOptions, RuleOutcome, Script, TextMark } from '../../../shared/domain';
import { PizhuError } from '../../../shared/errors';
import { cleanText, type PendingSpan } from './clean';
import { mojibakeParagraphs } from './clean/rules/mojibake';
import type { ParsedDocument } from './formats/types';
import { extractMetadata, type Metadata } from './metadata';
import { planSplit, type SplitPlan } from './split';

export interface PreparedDocument extends Metadata {
  text: string;
  removed: PendingSpan[];
  marks: TextMark[];
  script: Script;
  url: string | null;
  mojibakeParagraphs: number;
}

export interface PreparedImport {
  /** Set when the file held several articles: the collection they are kept in. */
  collectionName: string | null;
  documents: PreparedDocument[];
  outcomes: RuleOutcome[];
  charsRemoved: number;
  mojibakeParagraphs: number;
}

const ARTICLE_MARKERS: CleaningRuleId = 'article-markers';
const MAX_COLLECTION_NAME = 60;

export function prepareImport(parsed: ParsedDocument, fileTitle: string, options: ImportOptions = {}): PreparedImport {
  const cleaned = cleanText(parsed.text, parsed.marks, options.disabledRules ?? []);
  if (!cleaned.text.trim()) throw new PizhuError('invalid_input', 'The file holds no text after cleaning: nothing was imported.');
  const found = extractMetadata(cleaned.afterLayout, fileTitle);
  const meta: Metadata = {
    title: parsed.meta.title ?? found.title,
    source: parsed.meta.source ?? found.source,
    byline: parsed.meta.byline ?? found.byline,
    editor: parsed.meta.editor ?? found.editor,
    publishedAt: parsed.meta.publishedAt ?? found.publishedAt,
  };
  const url = parsed.meta.url ?? null;
  const flagged = cleaned.mojibakeParagraphs.length;

  const plan = options.split === false || options.disabledRules?.includes(ARTICLE_MARKERS) ? null : planSplit(cleaned.text);
  const whole = (): PreparedImport => ({
    collectionName: null,
    documents: [
      {
        ...meta,
        url,
        text: cleaned.text,
        removed: cleaned.removed,
        marks: withTitleHeading(cleaned.text, meta.title, cleaned.marks),
        script: detectScript(cleaned.text),
        mojibakeParagraphs: flagged,
      },
    ],
    outcomes: cleaned.outcomes,
    charsRemoved: cleaned.charsRemoved,
    mojibakeParagraphs: flagged,
  });
  if (!plan) return whole();

  const articles = splitArticles(cleaned.text, cleaned.removed, cleaned.marks, plan, cleaned.sourceOffsetOf);
  const preambleText = plan.preamble ? cleaned.text.slice(plan.preamble.start, plan.preamble.end).trim() : '';
  const markerChars = plan.markers.reduce((n, m) => n + m.end - m.start, 0) + (plan.preamble ? plan.preamble.end - plan.preamble.start : 0);
  const collectionName =
    preambleText && preambleText.length <= MAX_COLLECTION_NAME ? preambleText : meta.title.length <= MAX_COLLECTION_NAME ? meta.title : fileTitle;
  return {
    collectionName,
    documents: articles.map((a) => ({
      title: a.title,
      source: meta.source,
      byline: meta.byline,
      editor: meta.editor,
      publishedAt: meta.publishedAt,
      url,
      text: a.text,
      removed: a.removed,
      marks: a.marks,
      script: detectScript(a.text),
      mojibakeParagraphs: mojibakeParagraphs(a.text).length,
    })),
    outcomes: [...cleaned.outcomes, { rule: ARTICLE_MARKERS, count: plan.markers.length + (plan.preamble ? 1 : 0), chars: markerChars }],
    charsRemoved: cleaned.charsRemoved + markerChars,
    mojibakeParagraphs: flagged,
  };
}

interface Article {
  title: string;
  text: string;
  removed: PendingSpan[];
  marks: TextMark[];
}

/**
 * Cuts the cleaned text into articles. Markers (第N篇) and a short leading collection title
 * become removed spans at the start of their article; a title that ran into the body gets its
 * own paragraph; removed spans and marks move with the article they fall in.
 */
function splitArticles(text: string, removed: PendingSpan[], marks: TextMark[], plan: SplitPlan, sourceOffsetOf: (p: number) => number): Article[] {
  const regions = plan.articles.map((a, i) => {
    const marker = plan.markers.find((m) => m.end === a.start);
    return { ...a, regionStart: marker ? marker.start : a.start, first: i === 0 };
  });
  return regions.map((r, i) => {
    let body = text.slice(r.start, r.end);
    const spans: PendingSpan[] = [];
    if (r.first && plan.preamble) {
      spans.push({ position: 0, text: text.slice(plan.preamble.start, plan.preamble.end), rule: ARTICLE_MARKERS, sourceOffset: sourceOffsetOf(plan.preamble.start) });
    }
    if (r.regionStart < r.start) {
      spans.push({ position: 0, text: text.slice(r.regionStart, r.start), rule: ARTICLE_MARKERS, sourceOffset: sourceOffsetOf(r.regionStart) });
    }
    // a span on a boundary stays at the end of the earlier article
    const owns = (p: number) => (r.first || p > r.regionStart) && p <= r.end;
    for (const s of removed) if (owns(s.position)) spans.push({ ...s, position: Math.max(0, s.position - r.start) });
    let articleMarks = marks
      .filter((m) => m.start >= r.start && m.end <= r.end)
      .map((m) => ({ ...m, start: m.start - r.start, end: m.end - r.start }));

    // layout: no leading or trailing line breaks inside an article
    const lead = body.length - body.replace(/^\n+/, '').length;
    body = body.slice(lead).replace(/\n+$/, '');
    const shiftAll = (delta: number, from: number) => {
      for (const s of spans) if (s.position > from) s.position = Math.max(0, s.position + delta);
      articleMarks = articleMarks.map((m) => ({ ...m, start: m.start > from ? m.start + delta : m.start, end: m.end > from ? m.end + delta : m.end }));
    };
    if (lead) shiftAll(-lead, 0);
    for (const s of spans) s.position = Math.min(s.position, body.length);

    const titleLength = r.titleLength > 0 && body.startsWith(r.title) ? r.titleLength : 0;
    if (titleLength > 0 && body[titleLength] !== '\n') {
      body = body.slice(0, titleLength) + '\n' + body.slice(titleLength);
      shiftAll(1, titleLength);
    }
    if (titleLength > 0) articleMarks.unshift({ start: 0, end: titleLength, kind: 'h1' });
    spans.sort((a, b) => a.position - b.position || a.sourceOffset - b.sourceOffset);
    return { title: r.title, text: body, removed: spans, marks: articleMarks };
  });
}

/** A page's own title line, when the text opens with it, reads as a heading (as the split articles' titles do). */
function withTitleHeading(text: string, title: string, marks: TextMark[]): TextMark[] {
  const first = text.split('\n', 1)[0];
  if (text.indexOf('\n') < 0 || first.trim() !== title.trim() || marks.some((m) => m.start === 0 && m.kind.startsWith('h'))) return marks;
  return [{ start: 0, end: first.length, kind: 'h1' }, ...marks];
}
