// The main window: placed where it was last time (if that is still on a screen), saved again as it moves.
import { BrowserWindow, screen } from 'electron';
import { MIN_WINDOW_SIZE, placeWindow, readWindowState, writeWindowState, type WindowState } from '../core/windowState';

const SAVE_DELAY_MS = 600;

export interface MainWindowOptions {
  url: string;
  preload: string;
  stateFile: string;
  dark: boolean;
  /** The developer tools exist only in development; an installed app has none to open. */
  devTools: boolean;
}

function currentState(win: BrowserWindow): WindowState {
  return { bounds: win.getNormalBounds(), maximized: win.isMaximized(), fullScreen: win.isFullScreen() };
}

export function createMainWindow(o: MainWindowOptions): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  const placement = placeWindow(readWindowState(o.stateFile), [primary, ...others].map((d) => d.workArea));

  const win = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Pizhu',
    // The page's own background, so the window does not flash white before the first paint.
    backgroundColor: o.dark ? '#1d1f21' : '#fbfaf7',
    // Written out here, not spread from elsewhere, so that a reader and the static scan (npm run scan) see them.
    webPreferences: {
      preload: o.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open a link in a new window; links go through the confirmation instead.
      disableBlinkFeatures: 'Auxclick',
      // The spell checker downloads dictionaries from a CDN (remote content) and does not check Chinese.
      spellcheck: false,
      safeDialogs: true,
      devTools: o.devTools,
    },
  });
  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    if (placement.fullScreen) win.setFullScreen(true);
    win.show();
  });

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    try {
      if (!win.isDestroyed() && !win.isMinimized()) writeWindowState(o.stateFile, currentState(win));
    } catch {
      // A read-only profile loses the window position, nothing else.
    }
  };
  const saveSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('enter-full-screen', saveSoon);
  win.on('leave-full-screen', saveSoon);
  win.on('close', save);

  void win.loadURL(o.url);
  return win;
}
