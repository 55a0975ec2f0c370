// Document-sharing sites prepend a header: 《….docx》由会员分享,可在线阅读,更多相关《…》请在…上搜索。
import type { CleaningRule } from './types';
import { deleteMarkedLines, viewLines } from './lineRules';

export const SHARE_HEADER = /^《(.+?)\.(?:docx?|pdf|txt|pptx?|wps)》\s*由.{0,6}分享/;
const SHARE_TAIL = /(可在线阅读|请在.{0,12}上搜索|珍藏版|下载后|文档分享)/;

export const shareHeader: CleaningRule = {
  id: 'share-header',
  keepsRemoved: true,
  find(text) {
    const view = viewLines(text);
    const marked = view.lines.map((line, i) => i < 5 && line.length < 400 && SHARE_HEADER.test(line) && SHARE_TAIL.test(line));

    return deleteMarkedLines(view, marked);
  },
};
