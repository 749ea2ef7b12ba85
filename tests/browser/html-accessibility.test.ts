// The HTML report and portfolio in Chromium, checked the way Lighthouse and axe check a page:
// axe-core (every rule it runs by default) in the light and the dark colour scheme, on a desktop
// and a phone; the inline charts' colours, which axe does not measure; print that stays light;
// the phone layout (the heat map scrolls on its own, its first column stays, no date breaks);
// and the page served over http from localhost, where a browser asks for /favicon.ico.
//
// Lighthouse itself is not run here: it is a large dependency (about 150 packages, and its
// current major needs Node 22) and one run takes about 15 s idle, a minute or more on the loaded
// machines the suite runs on, per page and colour scheme. Instead this file checks the audits of
// its best-practices and SEO categories that apply to a page like ours directly: no console
// error (the favicon 404 was one), no issue in Chromium's issues panel, doctype, charset within
// the first 1024 bytes, a valid lang, a viewport, a document title, a meta description, an icon,
// HTTP 200 and nothing that stops indexing. Lighthouse's accessibility category is axe-core.
import axe from 'axe-core';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchAsLighthouse } from '../support/browser.js';
import {
  fillTemplate,
  fixtures,
  read,
  run,
  setAnswer,
  tempDir,
  write,
} from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';

const BROWSER_TIMEOUT = TIMEOUT.browser;
const hostile = 'Evil <script>alert(1)</script> "q" & </style> <img src=x onerror=alert(2)>';
const subject = `Acme ${hostile}`;
const pages = ['en.html', 'nl.html', 'portfolio.html', 'versions.html'] as const;
const schemes = ['light', 'dark'] as const;
const widths = [1280, 375] as const;

let dir: string;
let cleanup: () => void;
let browser: Browser;
let closeBrowser: () => Promise<void>;

/** The seconds since the epoch of a date, for SOURCE_DATE_EPOCH. */
const epoch = (date: string) => String(Date.parse(`${date}T00:00:00Z`) / 1000);

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  expect(run(['init', 'a.yaml', '--subject', 'X'], { cwd: dir }).code).toBe(0);
  const template = fillTemplate(read(join(dir, 'a.yaml'))).replace(
    'subject: "X"',
    `subject: ${JSON.stringify(subject)}`,
  );
  // the baseline, of 2026-05-04: competitor-referral and renewal-warning were true (regressions
  // now), say-sorry was not (an improvement now)
  write(join(dir, 'base.yaml'), setAnswer(template, 'say-sorry', 'no'));
  // now (2026-11-23, SOURCE_DATE_EPOCH of the helpers): statements not true with hostile notes,
  // an exemption that counts, one that ends soon and one that has expired
  let answers = setAnswer(
    template,
    'competitor-referral',
    JSON.stringify({ answer: 'no', note: hostile, evidence: `Ticket ${hostile}` }),
  );
  answers = setAnswer(answers, 'no-small-print-profit', 'no');
  answers = setAnswer(
    answers,
    'unclaimed-entitlements',
    JSON.stringify({ answer: 'na', note: `No gift cards ${hostile}`, until: '2027-06-30' }),
  );
  answers = setAnswer(
    answers,
    'warranty-expiry',
    JSON.stringify({ answer: 'na', note: 'Pilot only.', until: '2027-01-15' }),
  );
  answers = setAnswer(
    answers,
    'renewal-warning',
    JSON.stringify({ answer: 'na', note: 'Old exemption.', until: '2026-10-01' }),
  );
  write(join(dir, 'a.yaml'), answers);
  // another subject, audited on one questionnaire only: the heat map has cells "not in this report"
  const globex = template.replace(JSON.stringify(subject), '"Globex Logistics"');
  write(join(dir, 'globex.yaml'), globex.slice(0, globex.indexOf('  # Transparency check-up')));

  const audit = (args: string[], date?: string) => {
    const result = run(['audit', '--fail-on', 'never', ...args], {
      cwd: dir,
      env: date === undefined ? {} : { SOURCE_DATE_EPOCH: epoch(date) },
    });
    expect(result.code, result.stderr).toBe(0);
  };
  audit(['-a', 'base.yaml', '-o', 'base.json'], '2026-05-04');
  audit(['-a', 'globex.yaml', '-o', 'globex.json'], '2026-11-02');
  audit(['-a', 'a.yaml', '--baseline', 'base.json', '-o', 'en.html', '-o', 'en.json']);
  audit(['-a', 'a.yaml', '--baseline', 'base.json', '--lang', 'nl', '-o', 'nl.html']);
  // a 1.0.0 baseline of Acme against a 2.0.0 audit (one new statement not true): the banner
  // says the version changed
  write(join(dir, 'old.yaml'), read(join(fixtures, 'answers', 'valid', 'acme-1.0.0.yaml')));
  audit(['-a', 'old.yaml', '-o', 'old.json'], '2026-05-04');
  const upgraded = run(['upgrade', 'old.yaml', '--no-interactive'], { cwd: dir });
  expect(upgraded.code, upgraded.stderr).toBe(0);
  let moved = read(join(dir, 'old.yaml'));
  for (const statement of ['customers-cannot-make-mistakes', 'interest-over-turnover']) {
    moved = setAnswer(moved, statement, 'yes');
  }
  write(join(dir, 'old.yaml'), setAnswer(moved, 'promises-kept', 'no'));
  audit(['-a', 'old.yaml', '--baseline', 'old.json', '--subject', subject, '-o', 'versions.html']);
  const summary = run(
    ['summary', 'base.json', 'en.json', 'globex.json', '-f', 'html', '-o', 'portfolio.html'],
    { cwd: dir },
  );
  expect(summary.code, summary.stderr).toBe(0);
  ({ browser, close: closeBrowser } = await launchAsLighthouse(BROWSER_TIMEOUT / 2));
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await closeBrowser?.();
  cleanup?.();
});

/** A new context with scripts on (axe needs them; the pages have none) and no network. */
async function open(
  file: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number } = {},
): Promise<{ page: Page; context: BrowserContext; requests: string[] }> {
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: options.width ?? 1280, height: 900 },
  });
  const url = pathToFileURL(join(dir, file)).href;
  const requests: string[] = [];
  await context.route('**/*', async (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, requests };
}

type Rgb = [number, number, number];
const rgb = (css: string): Rgb => {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).map(Number);
  if (r === undefined || g === undefined || b === undefined)
    throw new Error(`not a colour: ${css}`);
  return [r, g, b];
};
const luminance = ([r, g, b]: Rgb) => {
  const [x, y, z] = [r, g, b].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * x + 0.7152 * y + 0.0722 * z;
};
const contrast = (a: Rgb, b: Rgb) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

interface Painted {
  what: string;
  colour: string;
  text: boolean;
}

/**
 * The colours the inline SVG is painted in, which axe does not measure: the text (which must
 * reach 4.5:1 against the page) and the pass and fail marks and bars (3:1, WCAG 1.4.11).
 */
async function svgColours(page: Page): Promise<{ background: string; painted: Painted[] }> {
  return page.evaluate(`(() => {
    const painted = [];
    for (const el of document.querySelectorAll('svg text, svg tspan')) {
      if (el.textContent.trim() === '' || el.querySelector('tspan')) continue;
      painted.push({ what: el.textContent.trim(), colour: getComputedStyle(el).fill, text: true });
    }
    for (const el of document.querySelectorAll('svg rect.pass, svg rect.fail, svg circle')) {
      painted.push({ what: el.outerHTML.slice(0, 80), colour: getComputedStyle(el).fill, text: false });
    }
    for (const el of document.querySelectorAll('svg .bar-fail')) {
      painted.push({ what: el.outerHTML.slice(0, 80), colour: getComputedStyle(el).stroke, text: false });
    }
    return { background: getComputedStyle(document.body).backgroundColor, painted };
  })()`);
}

async function expectReadableSvg(page: Page): Promise<void> {
  const { background, painted } = await svgColours(page);
  expect(painted.length).toBeGreaterThan(2);
  const poor = painted
    .map((p) => ({ ...p, ratio: contrast(rgb(p.colour), rgb(background)) }))
    .filter((p) => p.ratio < (p.text ? 4.5 : 3))
    .map((p) => `${p.what}: ${p.colour} on ${background}, ${p.ratio.toFixed(2)}:1`);
  expect(poor).toEqual([]);
}

/**
 * The colour-contrast checks axe could not finish, but for the two kinds this file measures
 * itself: text in an inline SVG ("imgNode") and marks that are no letters ("nonBmp"). An
 * expression for the page, given axe's `incomplete` results as JSON.
 */
const unmeasuredByAxe = (incomplete: axe.Result[]) => `(() => {
  const left = [];
  for (const result of ${JSON.stringify(incomplete)}) {
    if (result.id !== 'color-contrast') continue;
    for (const node of result.nodes) {
      const selector = node.target.join(' ');
      const element = document.querySelector(selector);
      const key = node.any[0]?.data?.messageKey;
      if (key === 'imgNode' && element?.closest('svg')) continue;
      if (key === 'nonBmp' && element !== null) continue;
      left.push(selector + ': ' + (key ?? node.any[0]?.message ?? 'no reason'));
    }
  }
  return left;
})()`;

/**
 * The marks outside the charts that axe does not measure (✓ ✗ – on their chips): the colour of
 * each against the first background behind it, at 4.5:1 like text.
 */
async function expectReadableMarks(page: Page): Promise<void> {
  const marks = await page.evaluate<
    { what: string; colour: string; background: string }[]
  >(`(() => {
    const out = [];
    for (const el of document.querySelectorAll('body *:not(svg):not(svg *)')) {
      const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.data).join('').trim();
      if (text === '' || /[\\p{L}\\p{N}]/u.test(text)) continue;
      let bg = el;
      while (bg && getComputedStyle(bg).backgroundColor.replace(/\\s/g, '').match(/rgba\\(.*,0\\)$|transparent/)) bg = bg.parentElement;
      out.push({
        what: el.outerHTML.slice(0, 60),
        colour: getComputedStyle(el).color,
        background: getComputedStyle(bg ?? document.body).backgroundColor,
      });
    }
    return out;
  })()`);
  expect(marks.length).toBeGreaterThan(1);
  const poor = marks
    .map((m) => ({ ...m, ratio: contrast(rgb(m.colour), rgb(m.background)) }))
    .filter((m) => m.ratio < 4.5)
    .map((m) => `${m.what}: ${m.colour} on ${m.background}, ${m.ratio.toFixed(2)}:1`);
  expect(poor).toEqual([]);
}

/** A violation in a line that says what and where. */
const describeResult = (r: axe.Result) =>
  `${r.id} (${r.impact ?? 'no impact'}): ${r.help}; ${r.nodes
    .slice(0, 5)
    .map((n) => n.target.join(' '))
    .join(', ')}`;

describe('axe-core in Chromium: no violation in either colour scheme, on a desktop or a phone', () => {
  for (const file of pages) {
    for (const colorScheme of schemes) {
      it(
        `${file}, ${colorScheme}`,
        async () => {
          for (const width of widths) {
            const { page, context, requests } = await open(file, { colorScheme, width });
            // the colour scheme is in force: the page is dark or light
            const background = rgb(
              await page.evaluate<string>('getComputedStyle(document.body).backgroundColor'),
            );
            if (colorScheme === 'dark') expect(luminance(background)).toBeLessThan(0.05);
            else expect(background).toEqual([255, 255, 255]);

            await page.addScriptTag({ content: axe.source });
            const results = await page.evaluate<axe.AxeResults>(
              `axe.run(document, { resultTypes: ['violations', 'incomplete'] })`,
            );
            expect(results.violations.map(describeResult), `${width} px`).toEqual([]);
            // every text's contrast was measured: by axe, or (what axe leaves for a person to
            // judge: the text of the charts, and the marks ✓ ✗ –) by the checks below
            const unmeasured = await page.evaluate<string[]>(unmeasuredByAxe(results.incomplete));
            expect(unmeasured, `${width} px`).toEqual([]);
            await expectReadableSvg(page);
            await expectReadableMarks(page);
            expect(requests).toEqual([]);
            await context.close();
          }
        },
        BROWSER_TIMEOUT,
      );
    }
  }

  it(
    'prints in the light colours when the reader’s screen is dark',
    async () => {
      for (const file of ['en.html', 'portfolio.html']) {
        const { page, context } = await open(file, { colorScheme: 'dark' });
        const dark = await page.evaluate<string>('getComputedStyle(document.body).color');
        await page.emulateMedia({ media: 'print' });
        expect(await page.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe(
          'rgb(255, 255, 255)',
        );
        const ink = await page.evaluate<string>('getComputedStyle(document.body).color');
        expect(ink).not.toBe(dark);
        expect(contrast(rgb(ink), [255, 255, 255])).toBeGreaterThan(12);
        await expectReadableSvg(page);
        const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
        await context.close();
      }
    },
    BROWSER_TIMEOUT,
  );
});

describe('on a phone (375 px)', () => {
  /** Every date in the page's visible text, and whether it is a <time> on one line. */
  const datesOf = (page: Page) =>
    page.evaluate<{ text: string; inTime: boolean; lines: number }[]>(`(() => {
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('svg')) continue;
        for (const m of node.data.matchAll(/\\d{4}-\\d{2}-\\d{2}/g)) {
          const time = node.parentElement.closest('time');
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          found.push({ text: m[0], inTime: time !== null && time.textContent === m[0], lines: tops.size });
        }
      }
      return found;
    })()`);

  for (const file of pages) {
    it(
      `${file}: nothing wider than the screen, and no date breaks`,
      async () => {
        const { page, context } = await open(file, { width: 375 });
        const { scrollWidth, clientWidth } = await page.evaluate<{
          scrollWidth: number;
          clientWidth: number;
        }>(
          '({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth })',
        );
        expect(clientWidth).toBeGreaterThan(340); // 375 less a scroll bar, if it takes room
        expect(scrollWidth).toBe(clientWidth);
        const dates = await datesOf(page);
        expect(dates.length).toBeGreaterThan(file === 'portfolio.html' ? 8 : 4);
        expect(dates.filter((d) => !d.inTime || d.lines !== 1)).toEqual([]);
        // the charts' text is larger on a phone, and still inside its chart
        const texts = await page.evaluate<
          { text: string; right: number; width: number; px: number }[]
        >(`
          [...document.querySelectorAll('svg.chart > g > text')].map((t) => ({
            text: t.textContent.trim(),
            right: t.getBBox().x + t.getBBox().width,
            width: t.ownerSVGElement.viewBox.baseVal.width,
            px: t.getBoundingClientRect().height,
          }))`);
        if (file !== 'portfolio.html') expect(texts.length).toBeGreaterThan(10);
        expect(texts.filter((t) => t.right > t.width)).toEqual([]);
        expect(texts.filter((t) => t.px < 10)).toEqual([]);
        await context.close();
      },
      BROWSER_TIMEOUT,
    );
  }

  it(
    'scrolls the heat map on its own, from the keyboard too, keeping the subjects in view',
    async () => {
      const { page, context } = await open('portfolio.html', { width: 375 });
      const region = page.getByRole('region', { name: 'Questions per subject (latest report)' });
      // a region named by its heading, as a screen reader lists it
      expect(await region.count()).toBe(1);
      const scroller = `document.querySelector('.scroll')`;
      const size = await page.evaluate<[number, number]>(
        `[${scroller}.scrollWidth, ${scroller}.clientWidth]`,
      );
      expect(size[0]).toBeGreaterThan(size[1] + 100);
      // the cue: a sentence above the table, on a phone only
      const hint = page.locator('.scroll-hint');
      await expect.poll(() => hint.isVisible()).toBe(true);
      expect(await hint.innerText()).toContain('Scroll sideways');

      const subjectCell = page.locator('table.matrix tbody th').first();
      const lastCell = page.locator('table.matrix tbody tr:first-child td').last();
      const before = {
        subject: await subjectCell.boundingBox(),
        last: await lastCell.boundingBox(),
      };
      expect(before.last!.x + before.last!.width).toBeGreaterThan(375);

      // the region is the first thing Tab reaches; the arrow keys scroll it
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate<string | null>(
          'document.activeElement.getAttribute("role") + " " + document.activeElement.getAttribute("aria-labelledby")',
        ),
      ).toBe('region matrix');
      for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowRight');
      // (the keys scroll smoothly: wait until the region has come to its end)
      await expect
        .poll(() =>
          page.evaluate<number>(
            `${scroller}.scrollWidth - ${scroller}.clientWidth - ${scroller}.scrollLeft`,
          ),
        )
        .toBeLessThan(1);

      const after = {
        subject: await subjectCell.boundingBox(),
        last: await lastCell.boundingBox(),
      };
      expect(after.subject!.x).toBe(before.subject!.x);
      expect(after.last!.x).toBeLessThan(before.last!.x - 100);
      expect(after.last!.x + after.last!.width).toBeLessThanOrEqual(375);
      // what slides under the subjects does not show through them
      const cellBackground = await page.evaluate<string>(
        `getComputedStyle(document.querySelector('table.matrix tbody th')).backgroundColor`,
      );
      expect(cellBackground).toMatch(/^rgb\(/);
      expect(await subjectCell.innerText()).toContain(subject);
      await context.close();

      const wide = await open('portfolio.html', { width: 1280 });
      expect(await wide.page.locator('.scroll-hint').isVisible()).toBe(false);
      await wide.context.close();
    },
    BROWSER_TIMEOUT,
  );
});

/** A server for a folder on 127.0.0.1 that records every path asked for. */
async function serve(
  files: Record<string, string>,
): Promise<{ origin: string; asked: string[]; close: () => Promise<void> }> {
  const asked: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    asked.push(path);
    const body = files[path];
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    asked,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('served over http from localhost, as Lighthouse opens it', () => {
  it(
    'asks for nothing but the page (no /favicon.ico), logs no error and has what search engines read',
    async () => {
      const files = Object.fromEntries(pages.map((f) => [`/${f}`, read(join(dir, f))]));
      const site = await serve(files);
      // a page without an icon, on another origin: this browser does ask for /favicon.ico
      const control = await serve({ '/plain.html': '<!doctype html><title>plain</title><p>x' });
      // no route interception here: a context that intercepts requests never asks for the icon;
      // the server and the page's requests show what was asked for
      const context = await browser.newContext();
      const logged: string[] = [];
      const requested: string[] = [];
      try {
        for (const file of pages) {
          const page = await context.newPage();
          page.on('console', (m) => {
            if (m.type() === 'error' || m.type() === 'warning') logged.push(`${file}: ${m.text()}`);
          });
          page.on('pageerror', (e) => logged.push(`${file}: ${e.message}`));
          page.on('request', (r) => requested.push(r.url()));
          const cdp = await context.newCDPSession(page);
          cdp.on('Log.entryAdded', ({ entry }) => {
            if (entry.level === 'error' || entry.level === 'warning')
              logged.push(`${file}: ${entry.text} ${entry.url ?? ''}`);
          });
          cdp.on('Audits.issueAdded', ({ issue }) =>
            logged.push(`${file}: issue ${issue.code} ${JSON.stringify(issue.details)}`),
          );
          await cdp.send('Log.enable');
          await cdp.send('Audits.enable');
          const response = await page.goto(`${site.origin}/${file}`, { waitUntil: 'load' });
          expect(response!.status()).toBe(200);
          // charset: declared in the first 1024 bytes
          expect((await response!.body()).subarray(0, 1024).toString()).toMatch(
            /<meta charset="utf-8" \/>/,
          );
          const head = await page.evaluate<{
            doctype: string | undefined;
            mode: string;
            lang: string;
            canonical: string[];
            viewport: string | undefined;
            title: string;
            description: string | undefined;
            robots: number;
            icon: string | undefined;
            iconWidth: number;
          }>(`(async () => {
            const meta = (name) => document.querySelector('meta[name="' + name + '"]')?.content;
            const icon = document.querySelector('link[rel~="icon"]')?.href;
            let iconWidth = 0;
            if (icon) {
              const img = new Image();
              img.src = icon;
              await img.decode();
              iconWidth = img.naturalWidth;
            }
            return {
              doctype: document.doctype?.name,
              mode: document.compatMode,
              lang: document.documentElement.lang,
              canonical: Intl.getCanonicalLocales(document.documentElement.lang),
              viewport: meta('viewport'),
              title: document.title,
              description: meta('description'),
              robots: document.querySelectorAll('meta[name="robots"], meta[name="googlebot"]').length,
              icon,
              iconWidth,
            };
          })()`);
          expect(head.doctype).toBe('html');
          expect(head.mode).toBe('CSS1Compat');
          expect(head.lang).toBe(file === 'nl.html' ? 'nl' : 'en');
          expect(head.canonical).toEqual([head.lang]);
          expect(head.viewport).toBe('width=device-width, initial-scale=1');
          expect(head.title.trim()).not.toBe('');
          expect(head.robots).toBe(0);
          expect(head.icon).toMatch(/^data:image\/svg\+xml,/);
          expect(head.iconWidth).toBeGreaterThan(0);
          // the description says what the page is, in the page's language, its text as text
          const description = head.description ?? '';
          if (file === 'portfolio.html') {
            expect(description).toBe(
              'Trustability portfolio of 2 subjects (3 reports): 1 of 2 passed in their latest report.',
            );
          } else {
            expect(description).toContain(subject);
            expect(description).toContain('2026-11-23');
            expect(description).toContain(file === 'nl.html' ? 'niet voldaan' : 'failed');
          }
        }
        // the control page's icon is asked for after every report page had loaded; poll for it
        const plain = await context.newPage();
        await plain.goto(`${control.origin}/plain.html`, { waitUntil: 'load' });
        await expect
          .poll(() => control.asked, { timeout: BROWSER_TIMEOUT / 4 })
          .toContain('/favicon.ico');
        expect(site.asked.sort()).toEqual(pages.map((f) => `/${f}`).sort());
        expect(requested).toEqual(pages.map((f) => `${site.origin}/${f}`));
        expect(logged).toEqual([]);
      } finally {
        await context.close();
        await site.close();
        await control.close();
      }
    },
    BROWSER_TIMEOUT,
  );
});
