import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const r = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    // The bench pages (renderer/bench, renderer/bench/lists) are separate HTML entries used only by `npm run bench`; the app never links to them.
    rolldownOptions: { input: { main: r('./renderer/index.html'), bench: r('./renderer/bench/index.html'), benchLists: r('./renderer/bench/lists/index.html') } },
  },
});
