// The HTML report of a team audit in Chromium: the respondents × statements matrix of the
// disagreed statements (a row per respondent, a column per statement, the heat map's cells) and
// the section around it, checked with axe in the light and the dark colour scheme, on a desktop
// and a phone, where the matrix scrolls on its own and the page never does.
import axe from 'axe-core';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { fixtures, run, tempDir } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';

let dir: string;
let cleanup: () => void;
let browser: Browser;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  cpSync(join(fixtures, 'answers', 'team'), join(dir, 'team'), { recursive: true });
  for (const [args, out] of [
    [[], 'team.html'],
    [['--anonymous', '--lang', 'nl'], 'anon-nl.html'],
  ] as const) {
    const result = run(['audit', '--team', '-a', 'team', ...args, '-o', out], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
  }
  browser = await launchChromium();
}, TIMEOUT.browser);

afterAll(async () => {
  await browser?.close();
  cleanup?.();
});

interface Matrix {
  heading: string;
  columns: string[];
  rows: { who: string; cells: string[] }[];
}

const readMatrix = `(() => {
  const table = document.querySelector('section.team table.matrix');
  const heading = document.getElementById(table.closest('[role=region]').getAttribute('aria-labelledby'));
  return {
    heading: heading.textContent.trim(),
    columns: [...table.querySelectorAll('thead th')].slice(1).map((th) => th.textContent.trim()),
    rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
      who: tr.querySelector('th').textContent.trim(),
      cells: [...tr.querySelectorAll('td .cell')].map((c) => c.className.replace('cell ', '') + ':' + c.textContent.trim()),
    })),
  };
})()`;

describe('the team section of the HTML report', () => {
  it(
    'shows a respondents × statements matrix of the disagreements',
    async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, 'team.html')).href);
      const matrix = await page.evaluate<Matrix>(readMatrix);
      expect(matrix.heading).toBe('Answers per respondent where they disagree');
      // the disagreement that decides the verdict first, then yes beside n/a
      expect(matrix.columns).toEqual(['A', 'B']);
      expect(matrix.rows).toEqual([
        { who: 'Anna de Vries (Sales)', cells: ['pass:✓', 'pass:✓'] },
        { who: 'Bas Bakker (Finance)', cells: ['pass:✓', 'na:n/a'] },
        { who: 'Chris Smit (Customer Care)', cells: ['fail:✗', 'pass:✓'] },
      ]);
      // the section comes after the verdict and before what to do
      const order = await page.evaluate<string[]>(
        `[...document.querySelectorAll('main > section > h2, header h1')].map((h) => h.textContent.trim())`,
      );
      expect(order.indexOf('Where your people disagree')).toBe(1);
      await page.close();
    },
    TIMEOUT.browser,
  );

  for (const colorScheme of ['light', 'dark'] as const) {
    it(
      `passes axe in the ${colorScheme} colour scheme, on a desktop and a phone`,
      async () => {
        for (const file of ['team.html', 'anon-nl.html']) {
          for (const width of [1280, 375]) {
            const context = await browser.newContext({
              colorScheme,
              viewport: { width, height: 900 },
            });
            const page = await context.newPage();
            await page.goto(pathToFileURL(join(dir, file)).href);
            await page.addScriptTag({ content: axe.source });
            const results = await page.evaluate<axe.AxeResults>(
              `axe.run(document.querySelector('section.team'))`,
            );
            expect(
              results.violations.map(
                (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
              ),
              `${file}, ${width} px`,
            ).toEqual([]);
            // the page never scrolls sideways; the matrix may, on its own
            const overflow = await page.evaluate<number>(
              'document.documentElement.scrollWidth - document.documentElement.clientWidth',
            );
            expect(overflow, `${file}, ${width} px`).toBeLessThanOrEqual(0);
            await context.close();
          }
        }
      },
      TIMEOUT.browser,
    );
  }

  it(
    'names nobody under --anonymous, in Dutch',
    async () => {
      const page = await browser.newPage();
      await page.goto(pathToFileURL(join(dir, 'anon-nl.html')).href);
      const matrix = await page.evaluate<Matrix>(readMatrix);
      expect(matrix.heading).toBe('Antwoorden per respondent waar zij het oneens zijn');
      expect(matrix.rows.map((r) => r.who)).toEqual([
        'Respondent 1',
        'Respondent 2',
        'Respondent 3',
      ]);
      const text = await page.evaluate<string>('document.body.innerText');
      for (const word of ['Anna', 'Bas', 'Chris', 'Finance', 'Customer Care']) {
        expect(text).not.toContain(word);
      }
      await page.close();
    },
    TIMEOUT.browser,
  );
});
