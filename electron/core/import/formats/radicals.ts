// PDFs made with common CJK fonts (Noto/Source Han, e.g. Chrome's "Save as PDF") often map glyphs
// back to radical code points: the text layer says ⽣⼒ (KANGXI RADICAL LIFE, POWER) where the page
// shows 生力, so search and copy break. Kangxi radicals have compatibility decompositions (NFKC);
// CJK Radicals Supplement has none, so this table pairs each such radical with the ideograph that
// shares its glyph in Noto CJK (read from the fonts' cmaps; it agrees with Unicode's equivalents).

const SUPPLEMENT_PAIRS =
  '⺂乛⺃乚⺅亻⺉刂⺋㔾⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺤爫⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺳㓁⺹耂⺺肀' +
  '⺾艹⺿艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻋车⻌辶⻍辶⻎辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼' +
  '⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟';

const SUPPLEMENT = new Map<string, string>();
for (let i = 0; i < SUPPLEMENT_PAIRS.length; i += 2) SUPPLEMENT.set(SUPPLEMENT_PAIRS[i], SUPPLEMENT_PAIRS[i + 1]);

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/g;

/** Replaces radical code points with the ideographs they stand for; other text is untouched. */
export function unifyRadicals(text: string): string {
  return text.replace(RADICAL, (ch) => SUPPLEMENT.get(ch) ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch));
}
