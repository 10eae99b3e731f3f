// The UI suite's view of VS Code: one workbench page in Chromium, shared by every *.test.js in this folder, with the
// steps a person takes (open a file from the Explorer, look at squiggles, open the Problems panel) as methods.
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, screenshot } from '../harness/browser';
import type { Browser } from '../harness/browser';

/** Generous: the first file opened waits for the extension host, the extension and its language server to start. */
export const UI_WAIT_MS = 60_000;

let current: Workbench | undefined;

/** The workbench the UI suite's tests share: harness/ui-suite.ts opens it before the first test. */
export function workbench(): Workbench {
  if (!current) throw new Error('no workbench: the UI suite runs through harness/ui-suite.ts');
  return current;
}

export function setWorkbench(value: Workbench | undefined): void {
  current = value;
}

export class Workbench {
  private constructor(
    private readonly browser: Browser,
    readonly page: Page,
    private readonly screenshots: string,
    /** The folder the workbench has open, on disk: where a saved file can be read back. */
    readonly workspace: string,
  ) {}

  static async open(options: {
    url: string;
    profileDir: string;
    env: NodeJS.ProcessEnv;
    screenshots: string;
    workspace: string;
  }): Promise<Workbench> {
    const browser = await launchBrowser(options.profileDir, options.env);
    const workbench = new Workbench(browser, browser.page, options.screenshots, options.workspace);
    browser.page.on('pageerror', (error) => console.error(`  [workbench] ${error.message}`));
    await browser.page.goto(options.url, { waitUntil: 'domcontentloaded' });
    await browser.page.locator('.monaco-workbench').waitFor({ timeout: UI_WAIT_MS });
    return workbench;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }

  /** Saves a screenshot as <name>.png in the screenshots folder and returns its path. */
  async shot(name: string): Promise<string | undefined> {
    return screenshot(this.page, this.screenshots, name);
  }

  /** Clicks the file's row in the Explorer (nested paths open their folders first) and waits for its editor tab. */
  async openFromExplorer(relative: string): Promise<void> {
    const parts = relative.split('/');
    for (const [i, name] of parts.entries()) {
      const label = this.page.getByText(name, { exact: true });
      const row = this.page.locator('.explorer-folders-view .monaco-list-row', { has: label });
      await row.first().waitFor({ timeout: UI_WAIT_MS });
      const last = i === parts.length - 1;
      if (last || (await row.first().getAttribute('aria-expanded')) !== 'true') await row.first().click();
    }
    const file = parts[parts.length - 1];
    await this.page.locator(`.tabs-container .tab[aria-label^="${file}"]`).waitFor({ timeout: UI_WAIT_MS });
    await this.editor().locator('.view-lines').waitFor({ timeout: UI_WAIT_MS });
  }

  /** The active editor (the Problems panel and others hold Monaco editors of their own). */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /**
   * The status bar's language status entry (the `{}` beside the language name) while its label, which joins every
   * language status item's text and detail, contains each of `texts`. The entry is removed when no item applies to
   * the editor.
   */
  languageStatus(...texts: string[]): Locator {
    const label = texts.map((text) => `[aria-label*=${JSON.stringify(text)}]`).join('');
    return this.page.locator(`.statusbar [id="status.languageStatus"]${label}`);
  }

  /** Waits for a squiggle of the given severity in the active editor. */
  async squiggle(severity: 'error' | 'warning' | 'info'): Promise<Locator> {
    const squiggle = this.editor().locator(`.squiggly-${severity}`).first();
    await squiggle.waitFor({ timeout: UI_WAIT_MS });
    return squiggle;
  }

  /** Rests the mouse on the first squiggle of `severity` and returns the hover that opens, once it shows `expected`. */
  async hoverSquiggle(severity: 'error' | 'warning' | 'info', expected: string): Promise<Locator> {
    const box = await (await this.squiggle(severity)).boundingBox();
    if (!box) throw new Error(`the ${severity} squiggle has no size on screen`);
    const hover = this.page.locator('.monaco-hover:not(.hidden)', { hasText: expected }).first();
    // The hover opens only after the mouse moves onto the text and rests; a move during a re-render is lost.
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.move(box.x + box.width / 2, box.y - 40);
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
      try {
        await hover.waitFor({ timeout: 10_000 });
        return hover;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
  }

  /** Moves the mouse off the editor and waits until no hover is left over the text. */
  async dismissHover(): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.keyboard.press('Escape');
    await this.page.locator('.monaco-hover:not(.hidden)').waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
  }

  /**
   * Opens the Problems panel with Ctrl+Shift+M and returns it. The keybinding can arrive before the workbench has
   * registered it, and pressing it again while the panel is open would close it: it is pressed until the panel shows.
   */
  async problemsPanel(): Promise<Locator> {
    const panel = this.page.locator('.markers-panel');
    for (let attempt = 1; !(await panel.isVisible()); attempt++) {
      await this.editor().click();
      await this.page.keyboard.press('Control+Shift+M');
      try {
        await panel.waitFor({ state: 'visible', timeout: 10_000 });
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    return panel;
  }

  /** The marker rows of the Problems panel (not the file rows above them) that contain `text`. */
  problems(text: string): Locator {
    const marker = this.page.locator('.marker-message-details, .marker-code');
    return this.page.locator('.markers-panel .monaco-list-row', { has: marker, hasText: text });
  }

  /**
   * Puts the cursor on the first squiggle of `severity`, opens the light bulb menu with Ctrl+., moves to the action
   * whose label starts with `title` and accepts it with Enter (a mouse click on the menu is caught by a pointer
   * block). Labels are matched by prefix: newer VS Code appends ", Quick Fix".
   */
  async quickFix(severity: 'error' | 'warning' | 'info', title: string): Promise<void> {
    const box = await (await this.squiggle(severity)).boundingBox();
    if (!box) throw new Error(`the ${severity} squiggle has no size on screen`);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row');
    await this.page.locator(`.action-widget .monaco-list-row[aria-label^=${JSON.stringify(title)}]`).first().waitFor({ timeout: UI_WAIT_MS });
    const focused = this.page.locator(`.action-widget .monaco-list-row.focused[aria-label^=${JSON.stringify(title)}]`);
    for (let step = 0; !(await focused.count()); step++) {
      if (step > (await rows.count())) throw new Error(`no row of the quick fix menu could be focused that starts with "${title}"`);
      await this.page.keyboard.press('ArrowDown');
    }
    await this.shot('05-quick-fix-menu');
    await this.page.keyboard.press('Enter');
    await this.page.locator('.action-widget').waitFor({ state: 'hidden', timeout: UI_WAIT_MS });
  }

  /** Saves the active editor with Ctrl+S and waits until its tab no longer shows unsaved changes. */
  async save(file: string): Promise<void> {
    await this.editor().click();
    await this.page.keyboard.press('Control+S');
    await this.page.locator(`.tabs-container .tab.dirty[aria-label^="${file}"]`).waitFor({ state: 'detached', timeout: UI_WAIT_MS });
  }
}
