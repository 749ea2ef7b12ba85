// --out-dir with --name {subject}: a subject in CJK or emoji makes a name of many bytes (three a
// CJK character, up to eighteen an emoji sequence), and a file system takes 255 bytes per name.
// Names are shortened by bytes, between user-perceived characters, each keeping a fingerprint of
// the whole name: written, unique, the same every quarter, and still refused where two differ
// only in case or Unicode normalisation.
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, read, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
let template: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  template = fillTemplate(run(['init', '-', '--subject', 'X']).stdout);
  mkdirSync(join(dir, 'clients'));
});
afterEach(() => cleanup());

const CJK = '信'.repeat(100); // 300 bytes
const FAMILY = '👨‍👩‍👧'; // one user-perceived character: 5 code points, 18 bytes
const bytes = (name: string): number => Buffer.byteLength(name, 'utf8');
const graphemes = (text: string): string[] =>
  [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].map((s) => s.segment);

/** An answer file in clients/ for `subject` (and `date`). */
function client(file: string, subject: string, date = '2026-11-23'): void {
  write(
    join(dir, 'clients', file),
    template.replace('subject: "X"', `subject: ${JSON.stringify(subject)}`) + `date: ${date}\n`,
  );
}

function audit(name: string, formats = ['md', 'json', 'html', 'junit']) {
  return run(
    [
      'audit',
      '-a',
      'clients',
      '--out-dir',
      'reports',
      '--name',
      name,
      ...formats.flatMap((f) => ['-f', f]),
    ],
    { cwd: dir },
  );
}

/** Every name under `folder` (folders and files), each checked to be whole UTF-8 within 255 bytes. */
function names(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true, encoding: 'buffer' })) {
    const raw = entry.name;
    const name = raw.toString('utf8');
    // the bytes on disk are the UTF-8 of the name: no sequence cut, no lone surrogate
    expect(Buffer.from(name, 'utf8').equals(raw), name).toBe(true);
    expect(name).not.toContain('\ufffd');
    expect(raw.length, name).toBeLessThanOrEqual(255);
    found.push(name);
    if (entry.isDirectory()) {
      found.push(...names(join(folder, name)).map((inner) => `${name}/${inner}`));
    }
  }
  return found.sort();
}

describe('--name {subject} with a subject longer than a file name may be', () => {
  it('writes 100 CJK characters (300 bytes) as a shortened name, every format, the report whole', () => {
    client('a.yaml', CJK);
    const result = audit('{subject}');
    expect(result.code, result.stderr).toBe(0);
    const written = names(join(dir, 'reports'));
    expect(written).toHaveLength(4);
    const base = written[0]!.replace(/\.[a-z]+$/, '');
    // one name for every format: the room kept is the longest extension's
    expect(written).toEqual(['.html', '.json', '.md', '.xml'].map((e) => `${base}${e}`).sort());
    expect(base).toMatch(/^信+-[0-9a-f]{8}$/);
    expect(bytes(`${base}.html`)).toBeLessThanOrEqual(255);
    expect(bytes(`${base}.html`)).toBeGreaterThan(240);
    // the report itself keeps the whole subject
    const report = JSON.parse(read(join(dir, 'reports', `${base}.json`))) as { subject: string };
    expect(report.subject).toBe(CJK);
    expect(result.stderr).toContain(`-> reports/${base}.md`);
  });

  it('cuts an emoji subject between emoji sequences, never inside one', () => {
    client('a.yaml', `${FAMILY} ${FAMILY.repeat(30)}`);
    const result = audit('{subject}', ['json']);
    expect(result.code, result.stderr).toBe(0);
    const [name] = names(join(dir, 'reports'));
    const prefix = name!.replace(/-[0-9a-f]{8}\.json$/, '');
    expect(prefix).not.toBe(name);
    // whole family sequences only (5 code points each), and the space between
    expect(graphemes(prefix).every((g) => g === FAMILY || g === ' ')).toBe(true);
    expect(graphemes(prefix).length).toBeGreaterThan(5);
  });

  it('keeps a letter with its combining mark together', () => {
    // q with a dot above has no precomposed form: two code points, one character
    client('a.yaml', 'q\u0307'.repeat(200));
    const result = audit('{subject}', ['md']);
    expect(result.code, result.stderr).toBe(0);
    const [name] = names(join(dir, 'reports'));
    const prefix = name!.replace(/-[0-9a-f]{8}\.md$/, '');
    expect(graphemes(prefix).every((g) => g === 'q\u0307')).toBe(true);
  });

  it('{subject}/{date}: the folder is shortened alike each quarter, so one folder holds them all', () => {
    client('a.yaml', CJK, '2026-11-23');
    expect(audit('{subject}/{date}', ['json', 'md']).code).toBe(0);
    client('a.yaml', CJK, '2027-02-23');
    const result = audit('{subject}/{date}', ['json', 'md']);
    expect(result.code, result.stderr).toBe(0);
    const written = names(join(dir, 'reports'));
    const folder = written[0]!;
    expect(bytes(folder)).toBeLessThanOrEqual(255);
    expect(written).toEqual([
      folder,
      ...['2026-11-23.json', '2026-11-23.md', '2027-02-23.json', '2027-02-23.md'].map(
        (f) => `${folder}/${f}`,
      ),
    ]);
  });

  it('keeps names apart that are alike in their first 250 bytes', () => {
    client('a.yaml', `${CJK} Amsterdam`);
    client('b.yaml', `${CJK} Rotterdam`);
    const result = audit('{subject}', ['json']);
    expect(result.code, result.stderr).toBe(0);
    const written = names(join(dir, 'reports'));
    expect(written).toHaveLength(2);
    const subjects = written.map(
      (n) => (JSON.parse(read(join(dir, 'reports', n))) as { subject: string }).subject,
    );
    expect(subjects.sort()).toEqual([`${CJK} Amsterdam`, `${CJK} Rotterdam`]);
  });

  it('still refuses two long names that differ only in case', () => {
    client('a.yaml', `ÉCOLE ${CJK}`);
    client('b.yaml', `école ${CJK}`);
    const result = audit('{subject}', ['json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would replace the report of clients/a.yaml');
    expect(names(join(dir, 'reports'))).toHaveLength(1);
  });

  it('still refuses two long names that differ only in Unicode normalisation', () => {
    client('a.yaml', `Cafe\u0301 ${CJK}`);
    client('b.yaml', `Caf\u00e9 ${CJK}`);
    const result = audit('{subject}', ['json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('would replace the report of clients/a.yaml');
    expect(names(join(dir, 'reports'))).toHaveLength(1);
  });

  it('refuses a template whose own text leaves no room for the subject, before writing', () => {
    client('a.yaml', 'Acme');
    const result = audit(`${'x'.repeat(240)}-{subject}`, ['json']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--name x+-\{subject\}: ".*" makes a name longer than a file system takes/,
    );
    expect(existsSync(join(dir, 'reports'))).toBe(false);
  });
});
