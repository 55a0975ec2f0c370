// How each kind of paragraph looks in the two styles, declared once: the .docx styles and the HTML
// preview's stylesheet are both generated from this table.
import type { WordStyle } from './model';

export interface FontFace {
  /** The name Word looks for. */
  name: string;
  /** What Word falls back to when the font is missing (the font table's altName). */
  alt: string;
  /** The CSS stack for the preview: the same font under its other names, then look-alikes. */
  css: string[];
  generic: 'serif' | 'sans-serif';
}

export const FONTS = {
  xiaobiaosong: {
    name: '方正小标宋简体',
    alt: '华文中宋',
    css: ['方正小标宋简体', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'Noto Serif CJK SC', 'Source Han Serif SC'],
    generic: 'serif',
  },
  hei: { name: '黑体', alt: 'SimHei', css: ['黑体', 'SimHei', 'Heiti SC', 'Noto Sans CJK SC', 'Source Han Sans SC'], generic: 'sans-serif' },
  kai: { name: '楷体_GB2312', alt: '楷体', css: ['楷体_GB2312', '楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'AR PL UKai CN'], generic: 'serif' },
  fang: { name: '仿宋_GB2312', alt: '仿宋', css: ['仿宋_GB2312', '仿宋', 'FangSong', 'STFangsong', 'Noto Serif CJK SC'], generic: 'serif' },
  song: { name: '宋体', alt: 'SimSun', css: ['宋体', 'SimSun', 'Songti SC', 'Noto Serif CJK SC', 'Source Han Serif SC'], generic: 'serif' },
  kaiPlain: { name: '楷体', alt: 'KaiTi', css: ['楷体', 'KaiTi', 'STKaiti', 'Kaiti SC', 'AR PL UKai CN'], generic: 'serif' },
} satisfies Record<string, FontFace>;

/** Latin letters and digits in every style. */
export const LATIN_FONT = 'Times New Roman';

export type Role =
  | 'title'
  | 'subtitle'
  | 'date'
  | 'tocTitle'
  | 'h1'
  | 'h2'
  | 'h3'
  | 'h4'
  | 'intro'
  | 'excerpt'
  | 'quote'
  | 'citation'
  | 'note'
  | 'questionsLabel'
  | 'question'
  | 'empty'
  | 'pageNumber';

export interface RoleLook {
  font: FontFace;
  /** Points. */
  size: number;
  bold?: boolean;
  /** #rrggbb */
  color?: string;
  align?: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in characters of this size. */
  firstLineChars?: number;
  /** Left indent in characters of the body size. */
  leftChars?: number;
  /** Hanging indent in characters of this size (the first line starts this much left of the rest). */
  hangingChars?: number;
  /** Points before and after. */
  before?: number;
  after?: number;
  /** Exact line height in points, or a multiple of single spacing. */
  line: { exact: number } | { multiple: number };
  /** A rule down the left edge (the study notes' quotation bar). */
  leftRule?: boolean;
  /** Kept on the page of the paragraph after it (a quote with its citation, a label with its questions). */
  keepNext?: boolean;
}

export interface PageLook {
  /** Millimetres. */
  margin: { top: number; bottom: number; left: number; right: number };
  /** Distance of the footer from the bottom edge, millimetres. */
  footer: number;
  /** GB/T 9704 puts odd page numbers right and even ones left; the plain style centres them. */
  pageNumberSides: boolean;
  /** The page number as printed: — 1 — or 1. */
  pageNumberDashes: boolean;
}

export interface Look {
  page: PageLook;
  body: RoleLook;
  roles: Record<Role, RoleLook>;
}

const OFFICIAL_LINE = { exact: 29 };

const official: Look = {
  // A4 with the GB/T 9704 type area: top 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm.
  page: { margin: { top: 37, bottom: 35, left: 28, right: 26 }, footer: 23, pageNumberSides: true, pageNumberDashes: true },
  body: { font: FONTS.fang, size: 16, align: 'justify', firstLineChars: 2, line: OFFICIAL_LINE },
  roles: {
    title: { font: FONTS.xiaobiaosong, size: 22, align: 'center', line: { exact: 36 }, before: 0, after: 29 },
    subtitle: { font: FONTS.kai, size: 16, align: 'center', line: OFFICIAL_LINE },
    date: { font: FONTS.fang, size: 16, align: 'center', line: OFFICIAL_LINE },
    tocTitle: { font: FONTS.hei, size: 16, align: 'center', line: OFFICIAL_LINE, after: 14 },
    h1: { font: FONTS.hei, size: 16, firstLineChars: 2, line: OFFICIAL_LINE },
    h2: { font: FONTS.kai, size: 16, firstLineChars: 2, line: OFFICIAL_LINE },
    h3: { font: FONTS.fang, size: 16, bold: true, firstLineChars: 2, line: OFFICIAL_LINE },
    h4: { font: FONTS.fang, size: 16, firstLineChars: 2, line: OFFICIAL_LINE },
    intro: { font: FONTS.kai, size: 16, align: 'justify', firstLineChars: 2, line: OFFICIAL_LINE },
    excerpt: { font: FONTS.fang, size: 16, align: 'justify', firstLineChars: 2, line: OFFICIAL_LINE },
    quote: { font: FONTS.fang, size: 16, align: 'justify', leftChars: 1, leftRule: true, keepNext: true, line: OFFICIAL_LINE, before: 8 },
    citation: { font: FONTS.kai, size: 12, align: 'right', line: { exact: 20 }, before: 2, after: 4 },
    note: { font: FONTS.kai, size: 14, align: 'justify', leftChars: 2, line: { exact: 24 } },
    questionsLabel: { font: FONTS.hei, size: 16, firstLineChars: 2, keepNext: true, line: OFFICIAL_LINE, before: 6 },
    question: { font: FONTS.fang, size: 16, align: 'justify', leftChars: 3.5, hangingChars: 1.5, line: OFFICIAL_LINE },
    empty: { font: FONTS.fang, size: 16, align: 'center', line: OFFICIAL_LINE, color: '#666666' },
    pageNumber: { font: FONTS.song, size: 14, line: { multiple: 1 } },
  },
};

const plain: Look = {
  page: { margin: { top: 25.4, bottom: 25.4, left: 31.8, right: 31.8 }, footer: 12.7, pageNumberSides: false, pageNumberDashes: false },
  body: { font: FONTS.song, size: 12, align: 'justify', firstLineChars: 2, line: { multiple: 1.5 } },
  roles: {
    title: { font: FONTS.hei, size: 20, bold: true, align: 'center', line: { multiple: 1.2 }, after: 18 },
    subtitle: { font: FONTS.kaiPlain, size: 12, align: 'center', color: '#555555', line: { multiple: 1.5 } },
    date: { font: FONTS.song, size: 12, align: 'center', color: '#555555', line: { multiple: 1.5 } },
    tocTitle: { font: FONTS.hei, size: 16, bold: true, align: 'center', line: { multiple: 1.5 }, after: 12 },
    h1: { font: FONTS.hei, size: 16, bold: true, line: { multiple: 1.3 }, before: 18, after: 6 },
    h2: { font: FONTS.hei, size: 14, bold: true, line: { multiple: 1.3 }, before: 12, after: 4 },
    h3: { font: FONTS.hei, size: 13, bold: true, line: { multiple: 1.3 }, before: 10, after: 3 },
    h4: { font: FONTS.hei, size: 12, bold: true, line: { multiple: 1.3 }, before: 8, after: 2 },
    intro: { font: FONTS.kaiPlain, size: 12, color: '#555555', line: { multiple: 1.5 }, after: 6 },
    excerpt: { font: FONTS.song, size: 12, align: 'justify', firstLineChars: 2, line: { multiple: 1.5 } },
    quote: { font: FONTS.song, size: 12, align: 'justify', leftChars: 1, leftRule: true, keepNext: true, line: { multiple: 1.5 }, before: 8 },
    citation: { font: FONTS.kaiPlain, size: 10.5, align: 'right', color: '#666666', line: { multiple: 1.3 }, after: 4 },
    note: { font: FONTS.kaiPlain, size: 11, align: 'justify', leftChars: 2, line: { multiple: 1.4 } },
    questionsLabel: { font: FONTS.hei, size: 12, bold: true, keepNext: true, line: { multiple: 1.5 }, before: 8 },
    question: { font: FONTS.song, size: 12, align: 'justify', leftChars: 3, hangingChars: 1.5, line: { multiple: 1.5 } },
    empty: { font: FONTS.song, size: 12, align: 'center', color: '#666666', line: { multiple: 1.5 } },
    pageNumber: { font: FONTS.song, size: 10.5, line: { multiple: 1 } },
  },
};

export const LOOKS: Record<WordStyle, Look> = { official, plain };

/** Study notes open with the title and a line under it, then a gap (points after each). */
export const NOTES_TITLE_GAP = { title: 6, subtitle: 24 };

export const HEADING_ROLES = ['h1', 'h2', 'h3', 'h4'] as const;

export function headingRole(level: number): (typeof HEADING_ROLES)[number] {
  return HEADING_ROLES[Math.min(HEADING_ROLES.length, Math.max(1, level)) - 1];
}
