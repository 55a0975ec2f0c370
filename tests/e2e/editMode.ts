// Helpers for tests of the reader's edit mode (the revision editor).
import type { Page } from '@playwright/test';

/** Puts the DOM selection on `text` (or a caret at its start + `at`) inside the revision editor. */
export async function selectInEditor(page: Page, text: string, at?: number): Promise<void> {
  await page.evaluate(
    ({ text, at }) => {
      const root = document.querySelector('[data-testid="revision-editor"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(text);
        if (i < 0) continue;
        (n.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
        const r = document.createRange();
        r.setStart(n, at === undefined ? i : i + at);
        r.setEnd(n, at === undefined ? i + text.length : i + at);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(r);
        return;
      }
      throw new Error(`not in the editor: ${text}`);
    },
    { text, at },
  );
  // Lexical takes the DOM selection on selectionchange.
  await page.waitForTimeout(50);
}
