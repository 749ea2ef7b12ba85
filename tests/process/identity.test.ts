// A file is the same file whatever its spelling; names that one file system would merge give
// one collision key; --force knows what it may replace.
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  collisionKey,
  fileIdentity,
  isAnswersFileOrEmpty,
  outputThatIsAnInput,
  sameFile,
} from '../../src/io/identity.js';
import { tempFolder } from '../support/io-helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  writeFileSync(at('a.yaml'), 'format: trustcheck-answers/1\n');
  mkdirSync(at('sub'));
  symlinkSync('a.yaml', at('link.yaml'));
  linkSync(at('a.yaml'), at('hard.yaml'));
  writeFileSync(at('b.yaml'), 'format: trustcheck-answers/1\n');
});
afterEach(() => cleanup());

const at = (name: string): string => join(dir, name);

describe('identity by device and inode', () => {
  const spellings = (): string[] => [
    at('a.yaml'),
    `${dir}/./a.yaml`,
    at('sub/../a.yaml'),
    at('link.yaml'),
    at('hard.yaml'),
    relative(process.cwd(), at('a.yaml')),
  ];

  it('every spelling, link and hard link of a file is the same file', () => {
    const id = fileIdentity(at('a.yaml'));
    expect(id).toBeDefined();
    for (const spelling of spellings()) {
      expect(fileIdentity(spelling)).toEqual(id);
      expect(sameFile(spelling, at('a.yaml'))).toBe(true);
    }
    expect(sameFile(at('a.yaml'), at('b.yaml'))).toBe(false);
    expect(sameFile(at('none.yaml'), at('none.yaml'))).toBe(false);
    expect(fileIdentity(at('none.yaml'))).toBeUndefined();
    expect(fileIdentity('')).toBeUndefined();
  });

  it('finds the first output that is an input, whatever its spelling', () => {
    const inputs = [at('q.yaml'), at('a.yaml')];
    for (const spelling of spellings()) {
      expect(outputThatIsAnInput(inputs, [at('report.md'), spelling])).toEqual({
        output: spelling,
        input: at('a.yaml'),
      });
    }
    expect(outputThatIsAnInput(inputs, [at('report.md'), at('b.yaml')])).toBeUndefined();
    expect(outputThatIsAnInput([], [at('a.yaml')])).toBeUndefined();
  });

  it('does not count devices: `-a /dev/stdin -o /dev/stdout` on one terminal is fine', () => {
    expect(outputThatIsAnInput(['/dev/null'], ['/dev/null'])).toBeUndefined();
    expect(fileIdentity('/dev/null')?.device).toBe(true);
  });
});

describe('collision keys for --out-dir', () => {
  it('merges case and Unicode normalisation', () => {
    expect(collisionKey('Acme.yaml')).toBe(collisionKey('acme.yaml'));
    expect(collisionKey('ACME.YAML')).toBe(collisionKey('acme.yaml'));
    const nfc = 'caf\u00e9.yaml';
    const nfd = 'cafe\u0301.yaml';
    expect(nfc).not.toBe(nfd);
    expect(collisionKey(nfc)).toBe(collisionKey(nfd));
    expect(collisionKey('CAF\u00c9.yaml')).toBe(collisionKey(nfd));
    expect(collisionKey('CAFE\u0301.yaml')).toBe(collisionKey(nfc));
    expect(collisionKey('Stra\u00dfe.md')).toBe(collisionKey('STRASSE.md'));
    expect(collisionKey('report.md.')).toBe(collisionKey('report.md'));
  });

  it('keeps different names apart, whatever the locale', () => {
    expect(collisionKey('acme.yaml')).not.toBe(collisionKey('acne.yaml'));
    expect(collisionKey('cafe.yaml')).not.toBe(collisionKey('caf\u00e9.yaml'));
    expect(collisionKey('I.md')).toBe('i.md'); // not the Turkish dotless ı
  });
});

describe('what --force may replace', () => {
  it.each([
    ['missing', () => at('none.yaml')],
    ['missing', () => at('a.yaml/x.yaml')],
    ['empty', () => (writeFileSync(at('e.yaml'), ''), at('e.yaml'))],
    ['empty', () => (writeFileSync(at('w.yaml'), '\uFEFF \n\t\n'), at('w.yaml'))],
    ['answers', () => at('a.yaml')],
    ['answers', () => at('link.yaml')],
    [
      'answers',
      () => (writeFileSync(at('a.json'), '{"format": "trustcheck-answers/1"}'), at('a.json')),
    ],
    [
      'other',
      () => (
        writeFileSync(at('q.yaml'), 'format: trustcheck-questionnaire/1\nid: x\n'),
        at('q.yaml')
      ),
    ],
    ['other', () => (writeFileSync(at('r.md'), '# A report\n'), at('r.md'))],
    ['other', () => (writeFileSync(at('bad.json'), '{"format": '), at('bad.json'))],
    ['other', () => (writeFileSync(at('bin'), 'a\0b'), at('bin'))],
    ['other', () => (writeFileSync(at('l1.txt'), Buffer.from([0xe9])), at('l1.txt'))],
    ['other', () => (writeFileSync(at('list.yaml'), '- format\n'), at('list.yaml'))],
    ['other', () => at('sub')],
    ['other', () => (execFileSync('mkfifo', [at('fifo')]), at('fifo'))],
  ] as const)('%s: %#', (kind, make) => {
    const file = make();
    const before = kind === 'missing' || kind === 'other' ? undefined : readFileSync(file);
    expect(isAnswersFileOrEmpty(file)).toBe(kind);
    if (before !== undefined) expect(readFileSync(file)).toEqual(before);
  });

  it('a file over 5 MiB is other, without reading it whole', () => {
    writeFileSync(at('big.yaml'), `format: trustcheck-answers/1\n${'#'.repeat(6 << 20)}\n`);
    expect(isAnswersFileOrEmpty(at('big.yaml'))).toBe('other');
  });

  it('a path that cannot be resolved is an error, not a guess', () => {
    symlinkSync('loop2', at('loop1'));
    symlinkSync('loop1', at('loop2'));
    expect(() => isAnswersFileOrEmpty(at('loop1'))).toThrow(
      `${at('loop1')}: cannot tell whether it may be replaced: too many symbolic links (a link that points to itself?); check the path`,
    );
  });
});
