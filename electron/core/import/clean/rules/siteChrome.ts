// Site chrome around a scraped article: the header block up to the breadcrumb (logos, menus,
// slogans), metadata lines (they feed the document's metadata first), and the footer block
// (related links, rankings, copyright, ICP and police registration, contacts, comment forms).
// Lines are judged on their simplified form, so one list serves both scripts.
import type { CleaningRule } from './types';
import { deleteMarkedLines, viewLines, type LineView } from './lineRules';

const BREADCRUMB_WORDS = /(当前的位置|当前位置|您的位置|所在位置|现在位置)/;
const BREADCRUMB_ARROWS = /(>>|»|›|>|＞)/g;
const META_FIELD = /(发布时间|发表时间|来源|编辑|责任编辑|审核|作者|时间|日期|浏览次数|点击数|阅读量)\s*[:：]/g;
const DATE = /\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}/;
const FOOTER = new RegExp(
  [
    '相关新闻', '相关阅读', '相关文章', '相关链接', '点击排行', '热点推荐', '热门文章', '推荐阅读', '更多>>', '更多»', '更多》',
    'copyright', '版权所有', '版权声明', 'all rights reserved', 'icp备', 'icp证', '公网安备', '网安备',
    '联系方式', '联系电话', '联系我们', '举报电话', '举报中心', '违法和不良信息', '未经授权', '禁止复制', '建立镜像',
    '地址[:：]', '邮编[:：]', '邮政编码', '技术支持', '主办单位', '网站地图', '关于我们', '分享到', '扫一扫', '打印本页', '关闭窗口',
    '返回顶部', '上一篇', '下一篇', '验证码', '昵称', '网友意见', '发表评论', '我要评论', '评论区', '条评论',
  ].join('|'),
);

function isBreadcrumb(folded: string): boolean {
  return folded.length < 200 && (BREADCRUMB_WORDS.test(folded) || (folded.match(BREADCRUMB_ARROWS)?.length ?? 0) >= 2);
}

function isMetaLine(folded: string): boolean {
  if (folded.length > 160 || folded.includes('。')) return false;
  const fields = folded.match(META_FIELD)?.length ?? 0;
  if (fields >= 2 || (fields === 1 && folded.length < 60)) return true;
  // a bare source line: a site address and a timestamp, no prose
  if (DATE.test(folded)) {
    const rest = folded.replace(/(https?:)?\/\/\S+|www\.\S+|\d[\d\s:：\-/.年月日]*|[a-z.]+/g, '');
    return rest.replace(/\s/g, '').length <= 4;
  }
  return false;
}

const STRONG_FOOTER = /(icp备|icp证|公网安备|copyright|all rights reserved)/;

function isFooterLine(line: string, folded: string): boolean {
  if (STRONG_FOOTER.test(folded)) return line.length < 300;
  if (!FOOTER.test(folded)) return false;
  // a sentence that merely mentions 版权 or 联系 is prose
  return line.length < 160 && !(line.length > 30 && /[。！？]/.test(line));
}

/** A line that reads as article prose: a sentence, not a label. */
function isProse(line: string, folded: string): boolean {
  return line.length >= 15 && /[。！？]/.test(line) && !isFooterLine(line, folded) && !isMetaLine(folded);
}

function markChrome(view: LineView): boolean[] {
  const { lines } = view;
  const folded = (i: number) => view.folded(i);
  const marked = lines.map(() => false);

  const crumb = lines.slice(0, 15).findIndex((_, i) => isBreadcrumb(folded(i)));
  if (crumb >= 0 && lines.slice(0, crumb).every((l) => l.length < 400))
    for (let i = 0; i <= crumb; i++) marked[i] = true;

  // long prose lines are neither metadata nor footer: skip folding them
  for (let i = 0; i < lines.length; i++) if (lines[i].length < 300 && (isMetaLine(folded(i)) || isFooterLine(lines[i], folded(i)))) marked[i] = true;

  // the footer block: from the first footer line after the last prose line, every short line
  let lastProse = -1;
  for (let i = lines.length - 1; i >= 0 && lastProse < 0; i--) if (isProse(lines[i], folded(i))) lastProse = i;
  let footerStart = -1;
  for (let i = lastProse + 1; i < lines.length && footerStart < 0; i++) if (isFooterLine(lines[i], folded(i))) footerStart = i;
  if (footerStart >= 0) for (let i = footerStart; i < lines.length; i++) if (lines[i].length < 120) marked[i] = true;
  return marked;
}

export const siteChrome: CleaningRule = {
  id: 'site-chrome',
  keepsRemoved: true,
  find(text) {
    const view = viewLines(text);
    return deleteMarkedLines(view, markChrome(view));
  },
};
