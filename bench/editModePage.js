// Evaluated inside the app's page by bench/editMode.ts (through Playwright, so the app's Content-Security-Policy
// does not apply): the timed steps of edit mode, and the same steps on the baseline, a plain contenteditable
// holding the same paragraphs and highlights. Every time runs from the action to the end of the first frame
// rendered with its result.
(() => {
  const EDITOR = '[data-testid="revision-editor"]';
  const MARK = '〇';

  /** Resolves right after the next frame has been rendered (a message posted from requestAnimationFrame runs after paint). */
  const afterPaint = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      }),
    );

  /** Milliseconds from t0 to the end of the first rendered frame after which ready() holds. */
  async function untilPainted(t0, ready) {
    for (let frames = 0; frames < 5000; frames++) {
      const at = await afterPaint();
      if (ready()) return at - t0;
    }
    throw new Error('never became ready');
  }

  const marksIn = (el) => (el ? el.textContent.split(MARK).length - 1 : -1);

  /** Puts a collapsed selection `offset` characters into paragraph `index` of `root`. */
  function caretAt(root, index, offset) {
    const walker = document.createTreeWalker(root.children[index], NodeFilter.SHOW_TEXT);
    let left = offset;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (left <= n.length) {
        const range = document.createRange();
        range.setStart(n, left);
        range.collapse(true);
        const selection = getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        return;
      }
      left -= n.length;
    }
    throw new Error(`paragraph ${index} is shorter than ${offset}`);
  }

  /** Types one character at the caret as the keyboard would (beforeinput, input) and waits for it to be painted. */
  function typeOne(selector, index) {
    const paragraph = () => document.querySelector(selector).children[index];
    const before = marksIn(paragraph());
    const t0 = performance.now();
    document.execCommand('insertText', false, MARK);
    return untilPainted(t0, () => marksIn(paragraph()) === before + 1);
  }

  // --- the baseline -------------------------------------------------------------------------------------
  let plain = null;

  /** Builds the document as a plain contenteditable: one <p> per paragraph, one <mark> per (clipped) highlight. */
  function buildPlain(text, ranges) {
    const box = document.createElement('div');
    box.style.cssText = 'position:fixed;inset:0;z-index:9999;overflow:auto;background:#fff;color:#222;font:18px/1.9 "Noto Serif CJK SC",serif;padding:32px';
    const root = document.createElement('div');
    root.contentEditable = 'true';
    root.setAttribute('data-bench-plain', '');
    root.style.cssText = 'max-width:40em;margin:0 auto;outline:none';
    const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
    let next = 0;
    let start = 0;
    for (const paragraph of text.split('\n')) {
      const end = start + paragraph.length;
      const p = document.createElement('p');
      let at = start;
      while (next < sorted.length && sorted[next][0] < end) {
        const from = Math.max(at, sorted[next][0]);
        const to = Math.min(end, sorted[next][1]);
        if (to > from) {
          if (from > at) p.append(text.slice(at, from));
          const mark = document.createElement('mark');
          mark.style.background = 'rgba(76,139,245,0.25)';
          mark.textContent = text.slice(from, to);
          p.append(mark);
          at = to;
        }
        if (sorted[next][1] > end) break;
        next++;
      }
      if (at < end) p.append(text.slice(at, end));
      root.append(p);
      start = end + 1;
    }
    box.append(root);
    document.body.append(box);
    return { box, root };
  }

  window.pizhuEditBench = {
    /** Clicks the edit button; done when every paragraph is in the editor with its highlight tints. */
    openOurs(paragraphs) {
      performance.clearMarks('pizhu-edit-ready');
      const t0 = performance.now();
      document.querySelector('[data-testid="edit-text"]').click();
      return untilPainted(t0, () => {
        const editor = document.querySelector(EDITOR);
        return !!editor && editor.children.length === paragraphs && !!editor.querySelector('.rev-hl');
      });
    },
    async typeOurs(index, offset) {
      const editor = document.querySelector(EDITOR);
      editor.focus();
      caretAt(editor, index, offset);
      // The editor reads the DOM selection on selectionchange.
      await new Promise((r) => setTimeout(r, 50));
      return typeOne(EDITOR, index);
    },
    openPlain(text, ranges) {
      const t0 = performance.now();
      plain = buildPlain(text, ranges);
      return untilPainted(t0, () => true);
    },
    async typePlain(index, offset) {
      plain.root.focus();
      caretAt(plain.root, index, offset);
      await new Promise((r) => setTimeout(r, 50));
      return typeOne('[data-bench-plain]', index);
    },
    closePlain() {
      plain?.box.remove();
      plain = null;
      return afterPaint();
    },
  };
})();
