// The application menu model (shared/menu.ts) that main turns into the native menu.
import { describe, expect, it } from 'vitest';
import { buildMenuModel, parseMenuCommand, type MenuContext, type MenuItemModel } from '../../shared/menu';

const base: MenuContext = { prefs: { lang: 'zh-CN', theme: 'system' }, recent: [], platform: 'linux', isDev: false };

function flatten(items: MenuItemModel[]): MenuItemModel[] {
  return items.flatMap((i) => (i.type === 'submenu' ? [i, ...flatten(i.items)] : [i]));
}
const commands = (items: MenuItemModel[]) => flatten(items).filter((i) => i.type === 'command');
const byCommand = (items: MenuItemModel[], name: string) => commands(items).filter((i) => i.type === 'command' && i.command.command === name);
const roles = (items: MenuItemModel[]) => flatten(items).flatMap((i) => (i.type === 'role' ? [i.role] : []));

describe('application menu', () => {
  it('has File, Edit, View and Help with the usual commands and shortcuts', () => {
    const m = buildMenuModel(base);
    expect(m.map((i) => (i.type === 'submenu' ? i.label : i.type))).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    const accel = (name: string) => byCommand(m, name).map((i) => (i.type === 'command' ? i.accelerator : undefined))[0];
    expect(accel('import')).toBe('CmdOrCtrl+O');
    expect(accel('export')).toBe('CmdOrCtrl+E');
    expect(accel('settings')).toBe('CmdOrCtrl+,');
    expect(accel('find')).toBe('CmdOrCtrl+F');
    expect(accel('search')).toBe('CmdOrCtrl+Shift+F');
    expect(accel('undo')).toBe('CmdOrCtrl+Z');
    expect(accel('shortcuts')).toBe('?');
    expect(accel('openLibrarySafety')).toBe('CmdOrCtrl+Shift+B');
    expect(roles(m)).toEqual(expect.arrayContaining(['quit', 'cut', 'copy', 'paste', 'selectAll', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
    expect(flatten(m).some((i) => i.type === 'about')).toBe(true);
  });

  it('rebuilds the search index from the Edit menu, after Search Library, in both languages', () => {
    for (const [lang, label, search] of [
      ['zh-CN', '重建搜索索引', '搜索文库…'],
      ['en', 'Rebuild Search Index', 'Search Library…'],
    ] as const) {
      for (const platform of ['linux', 'darwin']) {
        const menus = buildMenuModel({ ...base, platform, prefs: { lang, theme: 'system' } });
        const items = menus.flatMap((i) => (i.type === 'submenu' && i.label.includes(lang === 'en' ? 'Edit' : '编辑') ? i.items : []));
        const at = items.findIndex((i) => i.type === 'command' && i.command.command === 'rebuildSearchIndex');
        expect(items[at]).toEqual({ type: 'command', label, command: { command: 'rebuildSearchIndex' }, accelerator: undefined });
        const before = items[at - 1];
        expect(before.type === 'command' && before.label).toBe(search);
      }
    }
    expect(parseMenuCommand({ command: 'rebuildSearchIndex' })).toEqual({ command: 'rebuildSearchIndex' });
  });

  it('offers the developer tools only in development', () => {
    expect(roles(buildMenuModel(base))).not.toContain('toggleDevTools');
    expect(roles(buildMenuModel({ ...base, isDev: true }))).toContain('toggleDevTools');
  });

  it('marks the current theme and language', () => {
    const m = buildMenuModel({ ...base, prefs: { lang: 'en', theme: 'dark' } });
    const checked = commands(m).flatMap((i) => (i.type === 'command' && i.checked ? [i.command] : []));
    expect(checked).toEqual([
      { command: 'theme', theme: 'dark' },
      { command: 'lang', lang: 'en' },
    ]);
    expect(m.map((i) => (i.type === 'submenu' ? i.label : ''))).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('lists recent documents by title, ampersands shown as written, long titles shortened', () => {
    const id = crypto.randomUUID();
    const long = '关于加快发展新质生产力推动高质量发展的若干意见和配套措施实施细则（征求意见稿）全文';
    const m = buildMenuModel({ ...base, recent: [{ id, title: 'R&D 投入' }, { id: crypto.randomUUID(), title: long }] });
    const open = byCommand(m, 'openDocument');
    expect(open.map((i) => (i.type === 'command' ? i.label : ''))[0]).toBe('R&&D 投入');
    const second = open[1].type === 'command' ? open[1].label : '';
    expect(second.length).toBeLessThanOrEqual(40);
    expect(second.endsWith('…')).toBe(true);
    expect(open[0].type === 'command' && open[0].command).toEqual({ command: 'openDocument', id });
    expect(byCommand(m, 'clearRecent')).toHaveLength(1);
    // With none, one disabled line.
    const none = byCommand(buildMenuModel(base), 'clearRecent');
    expect(none).toHaveLength(1);
    expect(none[0].type === 'command' && none[0].enabled).toBe(false);
  });

  it('on macOS puts About, Settings, Services, Hide and Quit in the application menu and adds the Window menu', () => {
    const m = buildMenuModel({ ...base, platform: 'darwin' });
    const first = m[0];
    expect(first.type === 'submenu' && first.label).toBe('Pizhu');
    expect(first.type === 'submenu' && first.items.map((i) => (i.type === 'role' ? i.role : i.type))).toEqual([
      'about',
      'separator',
      'command',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    expect(roles(m)).toEqual(expect.arrayContaining(['windowMenu', 'close', 'quit']));
    expect(byCommand(m, 'settings')).toHaveLength(1);
  });

  it('on macOS every menu accelerator has a modifier, so a key typed in a field never reaches the menu', () => {
    const accelerators = (platform: string) =>
      commands(buildMenuModel({ ...base, platform })).flatMap((i) => (i.type === 'command' && i.accelerator ? [i.accelerator] : []));
    const mac = accelerators('darwin');
    expect(mac.length).toBeGreaterThan(10);
    for (const a of mac) expect(a).toMatch(/^(CmdOrCtrl|Cmd|Ctrl|Alt|Shift)\+/);
    // Elsewhere the menu only shows the keys (the page handles them), "?" included.
    expect(accelerators('linux')).toContain('?');
  });

  it('sends only commands the renderer accepts, and the renderer accepts nothing else', () => {
    for (const platform of ['linux', 'win32', 'darwin'])
      for (const i of commands(buildMenuModel({ ...base, platform, isDev: true, recent: [{ id: crypto.randomUUID(), title: 't' }] })))
        if (i.type === 'command') expect(parseMenuCommand(i.command)).toEqual(i.command);
    for (const bad of [null, 'import', { command: 'rm -rf' }, { command: 'openDocument', id: '../../etc/passwd' }, { command: 'theme', theme: 'neon' }, { command: 'lang' }])
      expect(parseMenuCommand(bad)).toBeNull();
  });
});
