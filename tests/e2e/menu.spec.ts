// Application-menu commands in the real renderer against the real backend. Browser mode has no menu, so the
// page gets a stand-in for the preload bridge (window.pizhu): its calls go over the loopback transport, and the
// test sends menu commands through it as the desktop shell does.
import { API_PREFIX } from '../../shared/transport';
import { installDesktopBridge } from './desktopBridge';
import { expect, test, openApp } from './fixtures';

test('Edit › Rebuild search index opens the search panel and rebuilds the index as a job; anything else sent is ignored', async ({ page, app }) => {
  const { sendMenuCommand: send } = await installDesktopBridge(page, app);
  const started: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(API_PREFIX + 'jobs.start')) started.push(r.postData() ?? '');
  });

  await openApp(page, app.server.url);
  await expect(page.getByTestId('doc-item').first()).toBeVisible();
  await send({ command: 'rebuildSearchIndex; rm -rf /' });
  await send({ command: 'reindex' });
  await expect(page.getByTestId('search-panel')).toHaveCount(0);

  await send({ command: 'rebuildSearchIndex' });
  await expect(page.getByTestId('search-panel')).toBeVisible();
  const documents = (app.lib.handlers['documents.list']({}) as unknown[]).length;
  await expect(page.getByTestId('toast').filter({ hasText: `搜索索引已重建：${documents} 篇文本` })).toBeVisible();
  expect(started.map((body) => JSON.parse(body))).toEqual([{ kind: 'reindex' }]);
  // The rebuilt index answers.
  await page.getByTestId('search-input').fill('新质生产力');
  await expect(page.getByTestId('search-results')).toContainText('新质生产力');
});
