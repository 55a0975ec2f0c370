// Sandboxed preload: exposes window.pizhu and nothing else. Bundled to one CJS file
// because a sandboxed preload can only require 'electron'.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_PREFIX, type PreloadBridge } from '../../shared/transport';

const bridge: PreloadBridge = {
  invoke: (channel, input) => ipcRenderer.invoke(IPC_PREFIX + channel, input),
  saveFile: (suggestedName, content) => ipcRenderer.invoke(IPC_PREFIX + 'saveFile', suggestedName, content),
};

contextBridge.exposeInMainWorld('pizhu', bridge);
