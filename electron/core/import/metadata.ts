// Reads title, source and date from the first lines of a scraped or extracted text.

export interface Metadata {
  title: string;
  source: string | null;
  publishedAt: string | null;
}

const SHARE_HEADER = /^《(.+?)\.(?:docx?|pdf|txt)》由会员分享/;
const META_LINE = /(發布時間|发布时间|來源|来源|作者|编辑|編輯)\s*[:：]/;
const SOURCE = /(?:來源|来源)\s*[:：]\s*([^\s　]+)/;
const DATE = /(20\d{2}|19\d{2})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/;
const BREADCRUMB = /(>>|>|当前的位置|當前位置|您的位置)/;

function isoDate(m: RegExpMatchArray): string {
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

function shorten(line: string, max = 40): string {
  const sentence = line.split(/[。！？!?]/)[0];
  const t = sentence.length <= max ? sentence : sentence.slice(0, max) + '…';
  return t;
}

export function extractMetadata(text: string, fallbackTitle: string): Metadata {
  const lines = text.split('\n').slice(0, 40);
  let title: string | null = null;
  let source: string | null = null;
  let publishedAt: string | null = null;

  const share = lines[0]?.match(SHARE_HEADER);
  if (share) title = share[1];

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const date = line.match(DATE);
    const isMeta = META_LINE.test(line) || (date && line.length < 60);
    if (!isMeta) continue;
    publishedAt ??= date ? isoDate(date) : null;
    source ??= line.match(SOURCE)?.[1] ?? null;
    if (!title && i > 0) {
      const prev = lines[i - 1];
      if (prev.length <= 60 && !BREADCRUMB.test(prev)) title = prev;
    }
    if (publishedAt) break;
  }
  if (!title) {
    const afterCrumb = lines.findIndex((l) => BREADCRUMB.test(l));
    const candidate = afterCrumb >= 0 ? lines[afterCrumb + 1] : undefined;
    title = candidate && candidate.length <= 60 ? candidate : null;
  }
  if (!title) {
    const first = lines.find((l) => l.length >= 6) ?? fallbackTitle;
    title = shorten(first);
  }
  return { title, source, publishedAt };
}
