// Reading inputs: the 5 MiB cap holds for pipes and devices whatever `stat` says, and every
// problem comes back as an issue in plain words.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readInputFile, readStreams } from '../../src/io/read.js';
import { asNobody, bundleIo, tempFolder } from '../support/io-helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
});
afterEach(() => cleanup());

const at = (name: string): string => join(dir, name);

describe('readInputFile', () => {
  it('reads a file, keeping a BOM', () => {
    writeFileSync(at('a.yaml'), '\uFEFFformat: x\n');
    expect(readInputFile(at('a.yaml'), 'answer file')).toEqual({
      ok: true,
      text: '\uFEFFformat: x\n',
    });
  });

  it('reads a file of exactly 5 MiB, and refuses one byte more', () => {
    writeFileSync(at('big.yaml'), 'a'.repeat(MAX_INPUT_BYTES));
    const read = readInputFile(at('big.yaml'));
    expect(read.ok && read.text.length).toBe(MAX_INPUT_BYTES);
    writeFileSync(at('bigger.yaml'), 'a'.repeat(MAX_INPUT_BYTES + 1));
    expect(readInputFile(at('bigger.yaml'), 'answer file')).toEqual({
      ok: false,
      issue: {
        file: at('bigger.yaml'),
        message: 'the answer file is 5.0 MiB; trustcheck reads files of at most 5 MiB',
      },
    });
  });

  it('stops reading /dev/zero at once', async () => {
    const started = Date.now();
    await readStreams(['/dev/zero']);
    expect(readInputFile('/dev/zero', 'answer file')).toEqual({
      ok: false,
      issue: {
        file: '/dev/zero',
        message: 'the answer file is larger than 5 MiB; trustcheck reads files of at most 5 MiB',
      },
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('reads a FIFO (what `<(…)` gives)', async () => {
    const fifo = at('fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', 'printf "format: from a pipe\\n" > "$1"', 'sh', fifo]);
    const exited = new Promise((done) => writer.on('close', done));
    await readStreams([fifo]);
    expect(readInputFile(fifo, 'answer file')).toEqual({
      ok: true,
      text: 'format: from a pipe\n',
    });
    await exited;
  });

  const problems: [string, () => string, string, string][] = [
    ['a missing file', () => at('none.yaml'), 'answer file', 'no such answer file; check the path'],
    [
      'a directory',
      () => (mkdirSync(at('d')), at('d')),
      'questionnaire',
      'is a directory, not a questionnaire; give the path of a file',
    ],
    [
      'an empty file',
      () => (writeFileSync(at('e.yaml'), ' \n\n'), at('e.yaml')),
      'answer file',
      'the answer file is empty',
    ],
    [
      'a binary file',
      () => (writeFileSync(at('b.json'), 'x\0y'), at('b.json')),
      'report',
      'looks like a binary file, not a report (it contains NUL bytes)',
    ],
    [
      'a link loop',
      () => (symlinkSync('l1', at('l2')), symlinkSync('l2', at('l1')), at('l1')),
      'answer file',
      'too many symbolic links (a link that points to itself?); check the path',
    ],
    [
      'a file used as a folder',
      () => (writeFileSync(at('f'), 'x'), at('f/a.yaml')),
      'answer file',
      'a part of the path is a file, not a folder; check the path',
    ],
    ['a name too long', () => at('n'.repeat(300)), 'answer file', 'the path is too long; check it'],
    [
      'an empty path',
      () => '',
      'answer file',
      'the path of the answer file is empty; give a file name',
    ],
  ];
  it.each(problems)('%s', (_name, make, what, message) => {
    const file = make();
    expect(readInputFile(file, what)).toEqual({ ok: false, issue: { file, message } });
  });

  it('locates the first byte that is not UTF-8', () => {
    writeFileSync(at('latin1.yaml'), Buffer.from('a: 1\nb: caf\xe9\n', 'latin1'));
    expect(readInputFile(at('latin1.yaml'), 'answer file')).toEqual({
      ok: false,
      issue: {
        file: at('latin1.yaml'),
        line: 2,
        col: 7,
        message: 'is not valid UTF-8 text (byte 12); save the answer file as UTF-8',
      },
    });
  });
});

describe('standard input and permissions, in a child process', () => {
  it('reads /dev/stdin from a pipe, and stops an endless pipe at the cap', () => {
    const io = bundleIo(dir);
    const script = at('read.mjs');
    writeFileSync(
      script,
      `import { readInputFile, readStreams } from ${JSON.stringify(io)};
await readStreams([process.argv[2]]);
console.log(JSON.stringify(readInputFile(process.argv[2], 'answer file')));`,
    );
    // Node gives a child's stdin as a socket pair, which cannot be opened by name
    const piped = spawnSync(process.execPath, [script, '/dev/stdin'], {
      input: 'format: piped\n',
      encoding: 'utf8',
    });
    expect(JSON.parse(piped.stdout)).toEqual({ ok: true, text: 'format: piped\n' });
    const started = Date.now();
    const endless = spawnSync(
      'sh',
      ['-c', 'yes | "$1" "$2" /dev/stdin', 'sh', process.execPath, script],
      {
        encoding: 'utf8',
        timeout: 10_000,
      },
    );
    expect(JSON.parse(endless.stdout)).toEqual({
      ok: false,
      issue: {
        file: '/dev/stdin',
        message: 'the answer file is larger than 5 MiB; trustcheck reads files of at most 5 MiB',
      },
    });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  const nobody = asNobody();
  it('says when the user may not read a file', (ctx) => {
    if (nobody) ctx.skip(nobody);
    const io = bundleIo(dir);
    const script = at('read.mjs');
    writeFileSync(
      script,
      `import { readInputFile } from ${JSON.stringify(io)};
console.log(JSON.stringify(readInputFile(process.argv[2], 'answer file')));`,
    );
    writeFileSync(at('private.yaml'), 'a: 1\n');
    chmodSync(at('private.yaml'), 0o600);
    const result = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        script,
        at('private.yaml'),
      ],
      { encoding: 'utf8' },
    );
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      issue: {
        file: at('private.yaml'),
        message: "you may not read it (permission denied); check the file's permissions",
      },
    });
  });
});
