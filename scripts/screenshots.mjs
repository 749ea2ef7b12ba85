// Renders the example answers to HTML (English with a baseline, Dutch, and a portfolio) and
// takes screenshots of them with the system's Chromium, for docs/reports.md: docs/*.png (a
// desktop, a phone, the dark colour scheme, the heat map scrolled on a phone).
// Needs a build (node scripts/build.mjs) and /usr/bin/chromium (apt-get install chromium).
// Usage: node scripts/screenshots.mjs [--keep DIR]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { parse, stringify } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'trustcheck-shots-'));
const cli = (...args) =>
  execFileSync(process.execPath, [join(root, 'bin', 'trustcheck.cjs'), '--quiet', ...args], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });

const acme = readFileSync(join(root, 'examples', 'acme-answers.yaml'), 'utf8');
/** The example answers with another subject and date, and some answers changed. */
function variant(subject, date, changes) {
  const doc = parse(acme);
  doc.subject = subject;
  doc.date = date;
  for (const q of Object.values(doc.questionnaires)) {
    for (const section of Object.values(q.answers)) {
      for (const id of Object.keys(section)) {
        if (id in changes) section[id] = changes[id];
      }
    }
  }
  return stringify(doc);
}

writeFileSync(join(dir, 'acme.yaml'), acme);
writeFileSync(
  join(dir, 'acme-spring.yaml'),
  variant('Acme B.V.', '2026-05-04', {
    'say-sorry': 'no',
    'sentiment-metrics': 'no',
    'no-paid-reviews': 'no',
    'competitor-referral': 'yes',
  }),
);
writeFileSync(
  join(dir, 'globex.yaml'),
  variant('Globex Logistics', '2026-11-02', { 'no-paid-reviews': 'no', 'renewal-warning': 'no' }),
);
writeFileSync(
  join(dir, 'globex-spring.yaml'),
  variant('Globex Logistics', '2026-04-15', { 'no-paid-reviews': 'no' }),
);
writeFileSync(
  join(dir, 'initech.yaml'),
  variant('Initech', '2026-10-19', {
    'renewal-warning': 'yes',
    'competitor-referral': 'yes',
    'sentiment-metrics': 'yes',
    'no-small-print-profit': 'yes',
  }),
);

cli('audit', '-a', 'acme-spring.yaml', '--fail-on', 'never', '-o', 'acme-spring.json');
cli(
  'audit',
  '-a',
  'acme.yaml',
  '--baseline',
  'acme-spring.json',
  '--fail-on',
  'never',
  '-o',
  'acme-en.html',
  '-o',
  'acme.json',
);
cli('audit', '-a', 'acme.yaml', '--lang', 'nl', '--fail-on', 'never', '-o', 'acme-nl.html');
for (const name of ['globex', 'globex-spring', 'initech']) {
  cli(
    'audit',
    '-a',
    `${name}.yaml`,
    '--allow-incomplete',
    '--fail-on',
    'never',
    '-o',
    `${name}.json`,
  );
}
cli(
  'summary',
  'acme.json',
  'acme-spring.json',
  'globex.json',
  'globex-spring.json',
  'initech.json',
  '-f',
  'html',
  '-o',
  'portfolio.html',
);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
  ],
});
try {
  // [page, picture, width, height, colour scheme, and for a part of the page: the selectors of
  // its first and last element, and how far its scrolling region is scrolled sideways]
  const shots = [
    ['acme-en.html', 'report-en.png', 1000, 1500, 'light'],
    ['acme-nl.html', 'report-nl.png', 1000, 1500, 'light'],
    ['portfolio.html', 'portfolio.png', 1000, 1200, 'light'],
    ['acme-en.html', 'report-phone.png', 390, 1300, 'light'],
    ['acme-en.html', 'report-dark.png', 1000, 1500, 'dark'],
    ['portfolio.html', 'portfolio-phone.png', 390, 800, 'light', ['#matrix', '.scroll'], 160],
  ];
  for (const [html, png, width, height, colorScheme, part, scrolled] of shots) {
    // scripts on only to scroll the heat map for the picture (the page has none)
    const page = await browser.newPage({
      viewport: { width, height },
      colorScheme,
      javaScriptEnabled: part !== undefined,
    });
    await page.goto(pathToFileURL(join(dir, html)).href);
    const path = join(root, 'docs', png);
    if (part === undefined) {
      await page.screenshot({ path, type: 'png' });
    } else {
      await page
        .locator('.scroll')
        .first()
        .evaluate((e, x) => (e.scrollLeft = x), scrolled);
      const [first, last] = await Promise.all(
        part.map((sel) => page.locator(sel).first().boundingBox()),
      );
      const y = first.y - 8;
      const clip = { x: 0, y, width, height: last.y + last.height + 8 - y };
      await page.screenshot({ path, type: 'png', clip, fullPage: true });
    }
    await page.close();
    process.stderr.write(`docs/${png}\n`);
  }
} finally {
  await browser.close();
}
if (process.argv.includes('--keep')) process.stderr.write(`kept ${dir}\n`);
else rmSync(dir, { recursive: true, force: true });
