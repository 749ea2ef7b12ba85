// Editors: yaml-language-server (the YAML support of VS Code, Neovim, Helix, …), driven over LSP
// the way an editor drives it, on answer files written by `trustcheck init`. The `$schema` line
// alone brings the schema: no editor settings name it.
import { mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient, type CompletionItem, type Diagnostic } from '../support/lsp.js';
import { fillTemplate, read, root, run, tempDir } from '../support/helpers.js';
import { TIMEOUT } from '../support/timeouts.js';

const server = createRequire(import.meta.url).resolve(
  'yaml-language-server/bin/yaml-language-server',
);

let dir: string;
let cleanup: () => void;
let lsp: LspClient;
let filled: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  mkdirSync(join(dir, 'audits'));
  // a project with trustcheck installed, so that init points at node_modules/trustcheck
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'trustcheck'));
  const init = run(['init', 'audits/acme.yaml', '--subject', 'Acme'], { cwd: dir });
  expect(init.code).toBe(0);
  filled = fillTemplate(read(join(dir, 'audits', 'acme.yaml')));
  lsp = new LspClient(process.execPath, [server, '--stdio'], dir);
  await lsp.initialize(dir, {
    yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false } },
  });
}, TIMEOUT.lsp);

afterAll(async () => {
  await lsp?.close();
  cleanup?.();
});

let n = 0;
/** The diagnostics of `text` as a new file beside the one init wrote. */
const diagnose = (text: string): Promise<Diagnostic[]> =>
  lsp.diagnose(join(dir, 'audits', `file-${++n}.yaml`), text);

const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((line) => line.includes(needle));

describe('yaml-language-server on a file written by init', { timeout: TIMEOUT.lsp }, () => {
  it('the $schema line resolves: a correct file, unanswered or filled, gets no diagnostic', async () => {
    expect(read(join(dir, 'audits', 'acme.yaml'))).toMatch(
      /^# yaml-language-server: \$schema=\.\.\/node_modules\/trustcheck\/schemas\/answers\.schema\.json\n/,
    );
    expect(await diagnose(read(join(dir, 'audits', 'acme.yaml')))).toEqual([]);
    expect(await diagnose(filled)).toEqual([]);
  });

  it.each([
    ['a statement id', '  overbuying-advice:', '  overbuying-advise:'],
    ['a section id', '  customer-reviews:', '  customer-review:'],
    ['a questionnaire id', '  transparantie-apk:', '  transparency-apk:'],
  ])('flags a misspelled %s at its line', async (_, from, to) => {
    const text = filled.replace(from, to);
    expect(text).not.toBe(filled);
    const diagnostics = await diagnose(text);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics.map((d) => d.range.start.line)).toContain(lineOf(text, to));
    expect(diagnostics[0]!.message).toMatch(/not allowed/i);
  });

  it('flags na without a note, and na where the statement does not allow it', async () => {
    // warranty-expiry allows na; upgrade-eligibility does not
    const bare = filled.replace(/( {8}warranty-expiry): yes/, '$1: na');
    expect(bare).not.toBe(filled);
    const withoutNote = await diagnose(bare);
    expect(withoutNote.map((d) => d.range.start.line)).toContain(lineOf(bare, 'warranty-expiry:'));
    const withNote = filled.replace(
      /( {8}warranty-expiry): yes/,
      '$1:\n          answer: na\n          note: We sell no warranties.',
    );
    expect(await diagnose(withNote)).toEqual([]);
    const notAllowed = filled.replace(
      /( {8}upgrade-eligibility): yes/,
      '$1:\n          answer: na\n          note: We sell no upgrades.',
    );
    expect((await diagnose(notAllowed)).length).toBeGreaterThan(0);
  });

  it('completes the statement ids of a section, with their text', async () => {
    const file = join(dir, 'audits', 'complete.yaml');
    // economic-interests emptied, the cursor on a new line at statement indentation
    const lines = filled.split('\n');
    const section = lines.findIndex((l) => l === '      economic-interests:');
    const next = lines.findIndex((l, i) => i > section && /^ {6}[a-z]/.test(l));
    const text = [...lines.slice(0, section + 1), '        ', ...lines.slice(next)].join('\n');
    await lsp.diagnose(file, text);
    const items = await lsp.complete(file, section + 1, 8);
    const byLabel = new Map<string, CompletionItem>(items.map((i) => [i.label, i]));
    const ids = [
      'warranty-expiry',
      'renewal-warning',
      'upgrade-eligibility',
      'unclaimed-entitlements',
      'overbuying-advice',
      'competitor-referral',
    ];
    expect([...byLabel.keys()]).toEqual(expect.arrayContaining(ids));
    expect([...byLabel.keys()]).not.toContain('reviews-on-site');
    const doc = (item: CompletionItem | undefined) =>
      typeof item?.documentation === 'string'
        ? item.documentation
        : (item?.documentation?.value ?? '');
    expect(doc(byLabel.get('warranty-expiry'))).toContain(
      'You remind customers when their warranty or guarantee period is about to expire.',
    );
  });

  it('init --schema-file writes a schema that knows a custom questionnaire too', async () => {
    const custom = join(root, 'examples', 'know-like-trust.yaml');
    const init = run(
      [
        'init',
        'audits/custom.yaml',
        '--subject',
        'Acme',
        '-q',
        'trustability',
        '-q',
        custom,
        '--schema-file',
      ],
      { cwd: dir },
    );
    expect(init.code).toBe(0);
    const text = fillTemplate(read(join(dir, 'audits', 'custom.yaml')));
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\/answers\.schema\.json\n/);
    expect(await diagnose(text)).toEqual([]);
    const statement = /^ {8}([a-z0-9-]+): yes/m.exec(text.split('know-like-trust:')[1]!)![1]!;
    const misspelled = text.replace(`        ${statement}: yes`, `        ${statement}x: yes`);
    expect(misspelled).not.toBe(text);
    expect((await diagnose(misspelled)).map((d) => d.range.start.line)).toContain(
      lineOf(misspelled, `${statement}x:`),
    );
  });
});

describe('yaml-language-server on trustcheck.config.yaml', { timeout: TIMEOUT.lsp }, () => {
  /** The config with its $schema line pointing at the shipped schema, as from node_modules. */
  const config = (body: string): string =>
    `# yaml-language-server: $schema=${relative(join(dir, 'project'), join(root, 'schemas', 'config.schema.json'))}\n${body}`;
  const file = () => join(dir, 'project', 'trustcheck.config.yaml');
  beforeAll(() => mkdirSync(join(dir, 'project'), { recursive: true }));

  it('a correct config gets no diagnostic; an unknown key and a wrong choice do, at their lines', async () => {
    const good = config(
      'lang: nl\naudit:\n  baseline: trust/baseline.json\n  fail-on: regression\n  output: [report.md, report.xml]\n',
    );
    expect(await lsp.diagnose(file(), good)).toEqual([]);
    const bad = good
      .replace('fail-on: regression', 'fail-on: sometimes')
      .replace('baseline:', 'basline:');
    const lines = (await lsp.diagnose(file(), bad)).map((d) => d.range.start.line);
    expect(lines).toEqual(
      expect.arrayContaining([lineOf(bad, 'basline:'), lineOf(bad, 'fail-on:')]),
    );
  });

  it('completes the commands, then a command’s options with their descriptions, then the choices', async () => {
    const top = config('\n');
    await lsp.diagnose(file(), top);
    const commands = (await lsp.complete(file(), 1, 0)).map((i) => i.label);
    expect(commands).toEqual(
      expect.arrayContaining(['lang', 'audit', 'init', 'summary', 'questionnaires']),
    );
    expect(commands).not.toContain('completion');

    const inAudit = config('audit:\n  \n');
    await lsp.diagnose(file(), inAudit);
    const options = await lsp.complete(file(), 2, 2);
    const byLabel = new Map<string, CompletionItem>(options.map((i) => [i.label, i]));
    expect([...byLabel.keys()]).toEqual(
      expect.arrayContaining(['answers', 'baseline', 'fail-on', 'output', 'step-summary']),
    );
    const doc = (item: CompletionItem | undefined) =>
      typeof item?.documentation === 'string'
        ? item.documentation
        : (item?.documentation?.value ?? '');
    expect(doc(byLabel.get('baseline'))).toContain('a previous JSON report to compare against');

    const choice = config('audit:\n  fail-on: \n');
    await lsp.diagnose(file(), choice);
    const values = (await lsp.complete(file(), 2, 11)).map((i) => i.label);
    expect(values).toEqual(expect.arrayContaining(['fail', 'regression', 'never']));
  });
});
