// The native application menu from the menu model in shared/menu.ts; commands go to the renderer.
import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import { buildMenuModel, type MenuCommand, type MenuContext, type MenuItemModel } from '../../shared/menu';
import { MENU_CHANNEL } from '../../shared/transport';

function showAbout(lang: 'zh-CN' | 'en'): void {
  const zh = lang === 'zh-CN';
  const opts = {
    type: 'info' as const,
    title: zh ? '关于批注' : 'About Pizhu',
    message: `批注 Pizhu ${app.getVersion()}`,
    detail:
      (zh ? '细读中文文本的桌面工作台。' : 'A desktop workbench for close reading of Chinese texts.') +
      `\n\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  };
  const parent = BrowserWindow.getFocusedWindow();
  void (parent ? dialog.showMessageBox(parent, opts) : dialog.showMessageBox(opts));
}

function sendToFocusedWindow(command: MenuCommand): void {
  const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  win?.webContents.send(MENU_CHANNEL, command);
}

function commandId(c: MenuCommand): string {
  if (c.command === 'theme') return `theme:${c.theme}`;
  if (c.command === 'lang') return `lang:${c.lang}`;
  if (c.command === 'openDocument') return `openDocument:${c.id}`;
  return c.command;
}

function toTemplate(items: MenuItemModel[], lang: 'zh-CN' | 'en'): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: item.role };
      case 'about':
        return { label: item.label, click: () => showAbout(lang) };
      case 'submenu':
        return { label: item.label, role: item.help ? 'help' : undefined, submenu: toTemplate(item.items, lang) };
      case 'command':
        return {
          // Ids name the command (tests click items by id): 'import', 'theme:dark', 'openDocument:<uuid>'.
          id: commandId(item.command),
          label: item.label,
          type: item.checked === undefined ? 'normal' : 'radio',
          checked: item.checked,
          enabled: item.enabled ?? true,
          accelerator: item.accelerator,
          // The renderer handles these keys itself (browser mode too); the menu only shows them, so a key press
          // never runs a command twice.
          registerAccelerator: false,
          click: () => sendToFocusedWindow(item.command),
        };
    }
  });
}

export function installMenu(context: MenuContext): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toTemplate(buildMenuModel(context), context.prefs.lang)));
}
