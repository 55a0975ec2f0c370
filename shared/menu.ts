// The application menu, described without Electron: main turns the model into a native menu and sends each
// command to the renderer through the preload bridge; the renderer checks what arrives against the schema.
import { z } from 'zod';
import type { Preferences } from './domain';

export const menuCommandSchema = z.discriminatedUnion('command', [
  z.object({
    command: z.enum([
      'import',
      'export',
      'openLibrarySafety',
      'settings',
      'undo',
      'redo',
      'find',
      'search',
      'fontBigger',
      'fontSmaller',
      'fontReset',
      'shortcuts',
      'clearRecent',
      'editText',
      'versions',
      'rebuildSearchIndex',
    ]),
  }),
  z.object({ command: z.literal('theme'), theme: z.enum(['light', 'dark', 'system']) }),
  z.object({ command: z.literal('lang'), lang: z.enum(['zh-CN', 'en']) }),
  z.object({ command: z.literal('openDocument'), id: z.string().uuid() }),
]);

export type MenuCommand = z.infer<typeof menuCommandSchema>;

/** What the shell does itself (Electron roles and the about box). */
export type MenuRole =
  | 'windowMenu'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'reload'
  | 'toggleDevTools';

export type MenuItemModel =
  | { type: 'separator' }
  | { type: 'role'; role: MenuRole }
  | { type: 'about'; label: string }
  | {
      type: 'command';
      label: string;
      command: MenuCommand;
      accelerator?: string;
      /** Checked radio item (theme, language). */
      checked?: boolean;
      enabled?: boolean;
    }
  | { type: 'submenu'; label: string; items: MenuItemModel[]; help?: boolean };

export interface MenuContext {
  prefs: Pick<Preferences, 'lang' | 'theme'>;
  recent: { id: string; title: string }[];
  platform: string;
  isDev: boolean;
}

const strings = {
  'zh-CN': {
    file: '文件(&F)',
    import: '导入…',
    export: '导出…',
    librarySafety: '文库安全与备份…',
    recent: '最近打开',
    noRecent: '（无）',
    clearRecent: '清除列表',
    settings: '设置…',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    find: '在文中查找…',
    search: '搜索文库…',
    rebuildSearchIndex: '重建搜索索引',
    editText: '编辑正文',
    versions: '正文版本',
    view: '视图(&V)',
    theme: '外观',
    light: '浅色',
    dark: '深色',
    system: '跟随系统',
    language: '语言 Language',
    fontBigger: '正文字号放大',
    fontSmaller: '正文字号缩小',
    fontReset: '正文字号复原',
    help: '帮助(&H)',
    shortcuts: '键盘快捷键',
    about: '关于批注',
  },
  en: {
    file: '&File',
    import: 'Import…',
    export: 'Export…',
    librarySafety: 'Library Safety and Backups…',
    recent: 'Recent Documents',
    noRecent: '(none)',
    clearRecent: 'Clear List',
    settings: 'Settings…',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    find: 'Find in Document…',
    search: 'Search Library…',
    rebuildSearchIndex: 'Rebuild Search Index',
    editText: 'Edit Text',
    versions: 'Text Versions',
    view: '&View',
    theme: 'Appearance',
    light: 'Light',
    dark: 'Dark',
    system: 'Follow System',
    language: 'Language 语言',
    fontBigger: 'Larger Reading Text',
    fontSmaller: 'Smaller Reading Text',
    fontReset: 'Default Reading Text Size',
    help: '&Help',
    shortcuts: 'Keyboard Shortcuts',
    about: 'About Pizhu',
  },
} as const;

/** Renderer-handled shortcuts: the renderer listens for these keys itself (so browser mode has them too). */
export const MENU_ACCELERATORS = {
  import: 'CmdOrCtrl+O',
  export: 'CmdOrCtrl+E',
  librarySafety: 'CmdOrCtrl+Shift+B',
  settings: 'CmdOrCtrl+,',
  undo: 'CmdOrCtrl+Z',
  redo: 'CmdOrCtrl+Shift+Z',
  find: 'CmdOrCtrl+F',
  search: 'CmdOrCtrl+Shift+F',
  editText: 'CmdOrCtrl+Shift+E',
  versions: 'CmdOrCtrl+Shift+H',
  fontBigger: 'CmdOrCtrl+Alt+=',
  fontSmaller: 'CmdOrCtrl+Alt+-',
  fontReset: 'CmdOrCtrl+Alt+0',
  shortcuts: '?',
} as const;

const TITLE_MAX = 40;
const shorten = (title: string) => (title.length > TITLE_MAX ? title.slice(0, TITLE_MAX - 1) + '…' : title);
/** `&` marks a mnemonic in menu labels; a title's own ampersands are doubled to show as written. */
const literal = (label: string) => label.replace(/&/g, '&&');

export function buildMenuModel(c: MenuContext): MenuItemModel[] {
  const s = strings[c.prefs.lang];
  const isMac = c.platform === 'darwin';
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemModel => ({ type: 'command', label, command, accelerator });
  const radio = (label: string, command: MenuCommand, checked: boolean): MenuItemModel => ({ type: 'command', label, command, checked });
  const sep: MenuItemModel = { type: 'separator' };
  const A = MENU_ACCELERATORS;

  const recentItems: MenuItemModel[] = c.recent.length
    ? [
        ...c.recent.map((d) => cmd(literal(shorten(d.title)), { command: 'openDocument', id: d.id })),
        sep,
        cmd(s.clearRecent, { command: 'clearRecent' }),
      ]
    : [{ type: 'command', label: s.noRecent, command: { command: 'clearRecent' }, enabled: false }];

  const file: MenuItemModel = {
    type: 'submenu',
    label: s.file,
    items: [
      cmd(s.import, { command: 'import' }, A.import),
      { type: 'submenu', label: s.recent, items: recentItems },
      sep,
      cmd(s.export, { command: 'export' }, A.export),
      cmd(s.librarySafety, { command: 'openLibrarySafety' }, A.librarySafety),
      // On macOS settings live in the application menu.
      ...(isMac ? [] : [sep, cmd(s.settings, { command: 'settings' }, A.settings), sep, { type: 'role', role: 'quit' } as const]),
      ...(isMac ? [sep, { type: 'role', role: 'close' } as const] : []),
    ],
  };

  const edit: MenuItemModel = {
    type: 'submenu',
    label: s.edit,
    items: [
      cmd(s.undo, { command: 'undo' }, A.undo),
      cmd(s.redo, { command: 'redo' }, A.redo),
      sep,
      { type: 'role', role: 'cut' },
      { type: 'role', role: 'copy' },
      { type: 'role', role: 'paste' },
      { type: 'role', role: 'selectAll' },
      sep,
      cmd(s.find, { command: 'find' }, A.find),
      cmd(s.search, { command: 'search' }, A.search),
      cmd(s.rebuildSearchIndex, { command: 'rebuildSearchIndex' }),
      sep,
      cmd(s.editText, { command: 'editText' }, A.editText),
      cmd(s.versions, { command: 'versions' }, A.versions),
    ],
  };

  const view: MenuItemModel = {
    type: 'submenu',
    label: s.view,
    items: [
      {
        type: 'submenu',
        label: s.theme,
        items: [
          radio(s.light, { command: 'theme', theme: 'light' }, c.prefs.theme === 'light'),
          radio(s.dark, { command: 'theme', theme: 'dark' }, c.prefs.theme === 'dark'),
          radio(s.system, { command: 'theme', theme: 'system' }, c.prefs.theme === 'system'),
        ],
      },
      {
        type: 'submenu',
        label: s.language,
        items: [
          radio('中文（简体）', { command: 'lang', lang: 'zh-CN' }, c.prefs.lang === 'zh-CN'),
          radio('English', { command: 'lang', lang: 'en' }, c.prefs.lang === 'en'),
        ],
      },
      sep,
      cmd(s.fontBigger, { command: 'fontBigger' }, A.fontBigger),
      cmd(s.fontSmaller, { command: 'fontSmaller' }, A.fontSmaller),
      cmd(s.fontReset, { command: 'fontReset' }, A.fontReset),
      sep,
      { type: 'role', role: 'zoomIn' },
      { type: 'role', role: 'zoomOut' },
      { type: 'role', role: 'resetZoom' },
      sep,
      { type: 'role', role: 'togglefullscreen' },
      ...(c.isDev ? [sep, { type: 'role', role: 'reload' } as const, { type: 'role', role: 'toggleDevTools' } as const] : []),
    ],
  };

  const help: MenuItemModel = {
    type: 'submenu',
    label: s.help,
    help: true,
    items: [
      // macOS offers a key the page leaves alone (typing "?" in a field) to the menu's key equivalents, so there
      // the unmodified "?" is not a menu accelerator; the page's own "?" still opens the list.
      cmd(s.shortcuts, { command: 'shortcuts' }, isMac ? undefined : A.shortcuts),
      ...(isMac ? [] : [sep, { type: 'about', label: s.about } as const]),
    ],
  };

  const appMenu: MenuItemModel[] = isMac
    ? [
        {
          type: 'submenu',
          label: 'Pizhu',
          items: [
            { type: 'about', label: s.about },
            sep,
            cmd(s.settings, { command: 'settings' }, A.settings),
            sep,
            { type: 'role', role: 'services' },
            sep,
            { type: 'role', role: 'hide' },
            { type: 'role', role: 'hideOthers' },
            { type: 'role', role: 'unhide' },
            sep,
            { type: 'role', role: 'quit' },
          ],
        },
      ]
    : [];

  return [...appMenu, file, edit, view, ...(isMac ? [{ type: 'role', role: 'windowMenu' } as const] : []), help];
}

/** A command from the menu, or null for anything else (the renderer trusts nothing it did not check). */
export function parseMenuCommand(x: unknown): MenuCommand | null {
  const r = menuCommandSchema.safeParse(x);
  return r.success ? r.data : null;
}
