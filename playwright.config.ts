import { defineConfig } from '@playwright/test';

export default defineConfig({
  reporter: [['list']],
  projects: [
    {
      name: 'e2e',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
        },
      },
    },
    {
      // The real desktop shell; skips itself when no Electron binary is installed.
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
});
