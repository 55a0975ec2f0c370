// The backend explains a failed import in English; in the Chinese interface the same reasons
// read in Chinese. Unknown messages are shown as they are.
import type { Lang } from '../i18n';

const ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/file is empty/, () => '文件为空，未导入任何内容。'],
  [/larger than (\d+) MB/, (m) => `文件超过 ${m[1]} MB，未导入任何内容。`],
  [/looks binary/, () => '这不是文本文件（看起来是二进制数据），未导入任何内容。'],
  [/holds no (readable )?text/, () => '文件中没有可读的文字，未导入任何内容。'],
  [/No importer for/, () => '不支持这种文件类型；可导入 .txt .md .html .docx .pdf。'],
  [/File not found/, () => '找不到文件。'],
  [/folder, not a file/, () => '这是一个文件夹，不是文件。'],
  [/Word document is password-protected/, () => '这份 Word 文档设有密码（已加密）：请在 Word 或 WPS 中去掉密码后另存再导入。未导入任何内容。'],
  [/old Word 97–2003 \.doc/, () => '这是旧版 Word 97–2003 .doc 文件，无法读取：请在 Word 或 WPS 中另存为 .docx 再导入。'],
  [/zip bomb/, () => '这个压缩包解开后大得异常（疑似“压缩炸弹”），没有解压，未导入任何内容。'],
  [/not a zip archive|not a Word document|Office compound file/, () => '这不是有效的 .docx 文件（可能已损坏或被改了扩展名），未导入任何内容。'],
  [/is damaged/, () => '文件已损坏，无法读取，未导入任何内容。'],
  [/PDF is password-protected/, () => '这份 PDF 设有密码（已加密）：请保存一份未加密的副本再导入。'],
  [/no text layer/, () => '这份 PDF 没有文字层（是扫描图像），暂不支持文字识别（OCR）。未导入任何内容。'],
  [/set vertically or rotated/, () => '这份 PDF 的文字全部竖排或旋转，暂时无法读取。'],
  [/has (\d+) pages; the limit is (\d+)/, (m) => `这份 PDF 有 ${m[1]} 页，上限为 ${m[2]} 页：请拆分后分别导入。`],
  [/took longer than/, () => '读取这份 PDF 用时过长，已停止，未导入任何内容。'],
  [/not a PDF|PDF is damaged/, () => '这不是有效的 PDF 文件（或已损坏），未导入任何内容。'],
  [/no text after cleaning/, () => '清理之后没有剩下文字，未导入任何内容。'],
  [/(\d+) characters of rotated or vertical text/, (m) => `有 ${m[1]} 个竖排或旋转的字符（如水印）未导入。`],
  [/(\d+) of (\d+) pages have no text layer/, (m) => `${m[2]} 页中有 ${m[1]} 页没有文字层（扫描图像），这些页的内容无法导入。`],
  [/could not be decoded and were replaced/, () => '有些字节无法解码，已替换为 �。'],
  [/No main article was recognised/, () => '没有识别出正文区域：已导入去掉菜单、页眉和页脚后的整页文字。'],
  [/Already in the library/, () => '文库中已有这份文件，未重复导入。'],
];

export function localizeImportMessage(message: string, lang: Lang): string {
  if (lang !== 'zh-CN') return message;
  for (const [pattern, zh] of ZH) {
    const m = message.match(pattern);
    if (m) return zh(m);
  }
  return message;
}
