// Sandboxed preload: exposes window.pizhu and nothing else. Bundled to one CJS file
// because a sandboxed preload can only require 'electron'.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_PREFIX, MENU_CHANNEL, type PreloadBridge } from '../../shared/transport';

const bridge: PreloadBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_PREFIX + channel, input),
  saveFile: (suggestedName, content) => ipcRenderer.invoke(IPC_PREFIX + 'saveFile', suggestedName, content),
  chooseFile: (purpose) => ipcRenderer.invoke(IPC_PREFIX + 'chooseFile', purpose),
  onMenuCommand: (listener) => {
    // The event object (with its sender) never reaches the page: only the command does.
    const forward = (_e: IpcRendererEvent, command: unknown) => listener(command);
    ipcRenderer.on(MENU_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MENU_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('pizhu', bridge);
