// The HTML report and portfolio from the built binary, opened in a real browser: Debian's
// Chromium, driven by playwright-core, with JavaScript off. Checks what a reader sees, that the
// page asks nothing from the network, that it draws something and prints to A4.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fillTemplate, read, run, setAnswer, tempDir, write } from '../support/helpers.js';
import { launchChromium } from '../support/browser.js';
import { TIMEOUT } from '../support/timeouts.js';

const BROWSER_TIMEOUT = TIMEOUT.browser;
const hostile = 'Evil <script>alert(1)</script> "q" & </style> <img src=x onerror=alert(2)>';

let dir: string;
let cleanup: () => void;
let browser: Browser | undefined;

interface Questionnaire {
  title: Record<string, string>;
  sections: {
    title: Record<string, string>;
    statements: { id: string; remedy?: Record<string, string> }[];
  }[];
}
const questionnaire = (id: string, version: string) =>
  parse(
    read(join(import.meta.dirname, '..', '..', 'questionnaires', id, `${version}.yaml`)),
  ) as Questionnaire;
// the newest versions, which `init` writes the template for
const builtins = [
  questionnaire('trustability', '1.1.1'),
  questionnaire('transparantie-apk', '2.0.0'),
];

const notes = {
  exempt: `No gift cards sold ${hostile}`,
  exemptSoon: 'Pilot only, ends in January.',
};

beforeAll(() => {
  ({ dir, cleanup } = tempDir());
  expect(run(['init', 'a.yaml', '--subject', 'Acme B.V.'], { cwd: dir }).code).toBe(0);
  let answers = fillTemplate(read(join(dir, 'a.yaml')));
  answers = answers.replace(
    'subject: "Acme B.V."',
    `subject: ${JSON.stringify(`Acme ${hostile}`)}`,
  );
  // the date is 2026-11-23 (SOURCE_DATE_EPOCH in the test environment)
  answers = setAnswer(
    answers,
    'renewal-warning',
    JSON.stringify({ answer: 'no', note: hostile, evidence: `Ticket ${hostile}` }),
  );
  answers = setAnswer(answers, 'no-small-print-profit', 'no');
  answers = setAnswer(answers, 'say-sorry', 'no');
  answers = setAnswer(
    answers,
    'unclaimed-entitlements',
    JSON.stringify({ answer: 'na', note: notes.exempt, until: '2027-06-30' }),
  );
  answers = setAnswer(
    answers,
    'warranty-expiry',
    JSON.stringify({ answer: 'na', note: notes.exemptSoon, until: '2027-01-15' }),
  );
  write(join(dir, 'a.yaml'), answers);
  for (const args of [
    ['-o', 'en.html', '-o', 'en.json'],
    ['--lang', 'nl', '-o', 'nl.htm'],
  ]) {
    const result = run(['audit', '-a', 'a.yaml', '--fail-on', 'never', ...args], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
  }
  const stdout = run(['audit', '-a', 'a.yaml', '--fail-on', 'never', '-f', 'html'], { cwd: dir });
  expect(stdout.code, stdout.stderr).toBe(0);
  expect(stdout.stdout).toBe(read(join(dir, 'en.html')));
  const summary = run(['summary', 'en.json', '-f', 'html', '-o', 'portfolio.html'], { cwd: dir });
  expect(summary.code, summary.stderr).toBe(0);
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  cleanup();
});

async function launch(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

/** Opens a file with JavaScript off; every request other than the page itself fails the test. */
async function open(
  file: string,
  viewport = { width: 1000, height: 900 },
  javaScriptEnabled = false,
): Promise<{ page: Page; requests: string[] }> {
  const context = await (await launch()).newContext({ javaScriptEnabled, viewport });
  const url = pathToFileURL(join(dir, file)).href;
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    const requested = route.request().url();
    if (requested === url) return route.continue();
    requests.push(requested);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    if (r.url() !== url && !requests.includes(r.url())) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests };
}

describe('HTML report in Chromium', () => {
  it(
    'shows the subject, every question, each remedy and each exemption note, asking nothing from the network',
    async () => {
      const { page, requests } = await open('en.html');
      const text = await page.locator('body').innerText();
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(`Acme ${hostile}`);
      for (const q of builtins) {
        expect(flat).toContain(q.title.en);
        for (const s of q.sections) expect(flat).toContain(s.title.en);
      }
      const remedies = builtins
        .flatMap((q) => q.sections.flatMap((x) => x.statements))
        .filter((st) => ['renewal-warning', 'no-small-print-profit', 'say-sorry'].includes(st.id))
        .map((st) => st.remedy!.en!);
      expect(remedies).toHaveLength(3);
      for (const remedy of remedies) expect(flat).toContain(remedy);
      expect(flat).toContain(notes.exempt);
      expect(flat).toContain(notes.exemptSoon);
      expect(flat).toContain('expires in 53 days');
      expect(flat).toContain(`Ticket ${hostile}`);
      // the hostile text is text: no element made from it
      expect(await page.locator('script').count()).toBe(0);
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('style').count()).toBe(1);
      expect(await page.locator('h1').innerText()).toBe(`Acme ${hostile}`);
      expect(await page.locator('svg[role="img"]').count()).toBe(2);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.title()).toContain('Trustability test and Transparency check-up');
      expect(requests).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'is in Dutch with --lang nl',
    async () => {
      const { page, requests } = await open('nl.htm');
      const flat = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      expect(await page.locator('html').getAttribute('lang')).toBe('nl');
      for (const q of builtins) for (const s of q.sections) expect(flat).toContain(s.title.nl);
      expect(flat).toContain('Wat te doen');
      expect(flat).toContain('verloopt over 53 dagen');
      expect(requests).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'draws a page that is not blank, fits a phone, and prints to a few A4 pages',
    async () => {
      const blank = await (await launch()).newPage({ viewport: { width: 1000, height: 900 } });
      const nothing = await blank.screenshot();
      await blank.close();
      const { page, requests } = await open('en.html');
      const shot = await page.screenshot();
      expect(shot.length).toBeGreaterThan(nothing.length * 10);
      const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(3);
      expect(pages).toBeLessThanOrEqual(12);
      // A4 is 595 × 842 points
      const boxes = pdf.toString('latin1').match(/\/MediaBox\s*\[[^\]]*\]/g) ?? [];
      expect(boxes.length).toBeGreaterThanOrEqual(pages);
      for (const box of boxes) {
        const [, , w, h] = box.replace(/.*\[/, '').replace(']', '').trim().split(/\s+/).map(Number);
        expect(Math.round(w!)).toBe(596);
        expect(Math.round(h!)).toBe(843);
      }
      await page.context().close();

      // a phone: nothing wider than the screen (measured with scripts on; the page has none)
      const phone = await open('en.html', { width: 390, height: 800 }, true);
      const width = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      expect(phone.requests).toEqual([]);
      expect(requests).toEqual([]);
      await phone.page.context().close();
    },
    BROWSER_TIMEOUT,
  );
});

describe('portfolio HTML in Chromium', () => {
  it(
    'shows the heat map, the trend and the failing statements in words',
    async () => {
      if (!existsSync(join(dir, 'portfolio.html'))) throw new Error('no portfolio.html');
      const { page, requests } = await open('portfolio.html');
      const flat = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
      expect(flat).toContain(`Acme ${hostile}`);
      for (const q of builtins) for (const s of q.sections) expect(flat).toContain(s.title.en);
      expect(flat).toContain('You warn customers before automatically renewing');
      expect(await page.locator('table.matrix tbody tr').count()).toBe(1);
      expect(await page.locator('table.matrix .cell.fail').count()).toBe(3);
      expect(await page.locator('svg[role="img"]').count()).toBe(1);
      expect(requests).toEqual([]);
      await page.context().close();
    },
    BROWSER_TIMEOUT,
  );
});
