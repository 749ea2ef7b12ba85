// The one writer: what happens to the target (bytes, mode, owner, type), the messages of every
// failure, and that no temp file is ever left behind.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TrustcheckError } from '../../src/errors.js';
import { pendingTempFiles } from '../../src/io/cleanup.js';
import { createFolder, holdsAlready, writeFileSafely } from '../../src/io/write.js';
import {
  asNobody,
  bundleIo,
  rootOnly,
  tempFilesIn,
  tempFolder,
  works,
} from '../support/io-helpers.js';
import { skipEachWith, unless } from '../support/skip.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
});
afterEach(() => {
  expect(pendingTempFiles()).toEqual([]);
  expect(tempFilesIn(dir)).toEqual([]);
  cleanup();
});

const at = (name: string): string => join(dir, name);
const mode = (file: string): number => statSync(file).mode & 0o7777;

function failure(write: () => void): string {
  try {
    write();
  } catch (error) {
    expect(error).toBeInstanceOf(TrustcheckError);
    return (error as Error).message;
  }
  throw new Error('the write did not fail');
}

describe('regular files', () => {
  it('creates a new file with the content', () => {
    writeFileSafely(at('a.md'), 'one\n');
    writeFileSafely(at('b.md'), 'two\n', { durable: true });
    writeFileSafely(at('c.md'), 'three\n', { durable: true });
    writeFileSafely(at('d.md'), 'four\n');
    expect(['a.md', 'b.md', 'c.md', 'd.md'].map((n) => readFileSync(at(n), 'utf8'))).toEqual([
      'one\n',
      'two\n',
      'three\n',
      'four\n',
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('keeps the mode of an existing file (0600 stays 0600, 0640 stays 0640)', () => {
    writeFileSync(at('secret.yaml'), 'old');
    chmodSync(at('secret.yaml'), 0o600);
    writeFileSafely(at('secret.yaml'), 'new', { durable: true });
    expect(mode(at('secret.yaml'))).toBe(0o600);
    writeFileSync(at('group.md'), 'old');
    chmodSync(at('group.md'), 0o640);
    writeFileSafely(at('group.md'), 'new');
    expect(mode(at('group.md'))).toBe(0o640);
    expect(readFileSync(at('secret.yaml'), 'utf8')).toBe('new');
    expect(readFileSync(at('group.md'), 'utf8')).toBe('new');
  });

  it('keeps the owner and group of an existing file when run as root', (ctx) => {
    const note = rootOnly('it gives a file to another user with chown');
    if (note) ctx.skip(note);
    writeFileSync(at('theirs.yaml'), 'old');
    chownSync(at('theirs.yaml'), 65534, 65534);
    chmodSync(at('theirs.yaml'), 0o640);
    writeFileSafely(at('theirs.yaml'), 'new');
    const stat = statSync(at('theirs.yaml'));
    expect([stat.uid, stat.gid, stat.mode & 0o7777]).toEqual([65534, 65534, 0o640]);
  });

  it('splits a hard link: the written name gets the content, the other name keeps the old', () => {
    writeFileSync(at('a.md'), 'old');
    linkSync(at('a.md'), at('b.md'));
    writeFileSafely(at('a.md'), 'new');
    expect(readFileSync(at('a.md'), 'utf8')).toBe('new');
    expect(readFileSync(at('b.md'), 'utf8')).toBe('old');
  });

  it('leaves a report that already holds the same bytes untouched (same inode, same times)', () => {
    writeFileSafely(at('r.json'), '{"a": 1}\n');
    const before = statSync(at('r.json'));
    writeFileSafely(at('r.json'), Buffer.from('{"a": 1}\n'));
    const same = statSync(at('r.json'));
    expect([same.ino, same.mtimeMs, same.ctimeMs]).toEqual([
      before.ino,
      before.mtimeMs,
      before.ctimeMs,
    ]);
    // a link to it stays a link to the same content
    linkSync(at('r.json'), at('copy.json'));
    writeFileSafely(at('r.json'), '{"a": 1}\n');
    expect(statSync(at('r.json')).ino).toBe(statSync(at('copy.json')).ino);
  });

  it('replaces a file of the same size with other bytes, or a prefix of the new bytes', () => {
    writeFileSafely(at('r.json'), '{"a": 1}\n');
    const before = statSync(at('r.json')).ino;
    writeFileSafely(at('r.json'), '{"a": 2}\n');
    expect(readFileSync(at('r.json'), 'utf8')).toBe('{"a": 2}\n');
    expect(statSync(at('r.json')).ino).not.toBe(before);
    writeFileSafely(at('r.json'), '{"a": 2}\n\n');
    expect(readFileSync(at('r.json'), 'utf8')).toBe('{"a": 2}\n\n');
    writeFileSafely(at('r.json'), '');
    expect(readFileSync(at('r.json'), 'utf8')).toBe('');
  });

  it('compares only the file it looked at: not one swapped meanwhile for a FIFO, a link or another file', () => {
    writeFileSync(at('r.json'), 'same');
    const looked = lstatSync(at('r.json'));
    expect(holdsAlready(at('r.json'), looked, Buffer.from('same'))).toBe(true);
    expect(holdsAlready(at('r.json'), looked, Buffer.from('sama'))).toBe(false);
    expect(holdsAlready(at('r.json'), looked, Buffer.from('sam'))).toBe(false);
    // a FIFO with no writer: not opened for a blocking read (the test would hang)
    execFileSync('mkfifo', [at('fifo')]);
    expect(holdsAlready(at('fifo'), looked, Buffer.from('same'))).toBe(false);
    symlinkSync(at('r.json'), at('link'));
    expect(holdsAlready(at('link'), looked, Buffer.from('same'))).toBe(false);
    writeFileSync(at('other.json'), 'same');
    expect(holdsAlready(at('other.json'), looked, Buffer.from('same'))).toBe(false);
  });

  it('rewrites a durable file (an answer file) even when it holds the same bytes', () => {
    writeFileSafely(at('a.yaml'), 'x: 1\n', { durable: true });
    const before = statSync(at('a.yaml')).ino;
    writeFileSafely(at('a.yaml'), 'x: 1\n', { durable: true });
    expect(statSync(at('a.yaml')).ino).not.toBe(before);
  });

  it('keeps a short temp name for a long file name', () => {
    const name = `${'é'.repeat(120)}.md`; // 243 bytes: valid, but not with a long suffix
    writeFileSafely(at(name), 'x');
    expect(readFileSync(at(name), 'utf8')).toBe('x');
  });
});

describe('symlinks', () => {
  it('writes through a link; the link stays a link', () => {
    writeFileSync(at('target.md'), 'old');
    chmodSync(at('target.md'), 0o600);
    symlinkSync('target.md', at('link.md'));
    writeFileSafely(at('link.md'), 'new');
    expect(lstatSync(at('link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(at('link.md'))).toBe('target.md');
    expect(readFileSync(at('target.md'), 'utf8')).toBe('new');
    expect(mode(at('target.md'))).toBe(0o600);
    writeFileSafely(at('link.md'), 'newer');
    expect(readFileSync(at('target.md'), 'utf8')).toBe('newer');
  });

  it('follows a chain of links into another folder, and creates the target of a dangling link', () => {
    mkdirSync(at('real'));
    writeFileSync(at('real/t.md'), 'old');
    symlinkSync('real/t.md', at('one.md'));
    symlinkSync('one.md', at('two.md'));
    writeFileSafely(at('two.md'), 'new');
    expect(readFileSync(at('real/t.md'), 'utf8')).toBe('new');
    expect(tempFilesIn(at('real'))).toEqual([]);
    symlinkSync('real/later.md', at('dangling.md'));
    writeFileSafely(at('dangling.md'), 'made');
    expect(lstatSync(at('dangling.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(at('real/later.md'), 'utf8')).toBe('made');
  });

  it('refuses a link loop in plain words', () => {
    symlinkSync('b.md', at('a.md'));
    symlinkSync('a.md', at('b.md'));
    expect(failure(() => writeFileSafely(at('a.md'), 'x'))).toBe(
      `${at('a.md')}: cannot write: too many symbolic links (a link that points to itself?); check the path`,
    );
  });
});

describe('devices and FIFOs are written to, never replaced', () => {
  it('writes into a FIFO that has a reader', async () => {
    const fifo = at('pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const exited = new Promise((done) => reader.on('close', done));
    writeFileSafely(fifo, 'through the pipe\n');
    await exited;
    expect(received).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    const reader2 = spawn('cat', [fifo]);
    let received2 = '';
    reader2.stdout.on('data', (chunk: Buffer) => (received2 += chunk.toString()));
    const exited2 = new Promise((done) => reader2.on('close', done));
    writeFileSafely(fifo, 'async\n');
    await exited2;
    expect(received2).toBe('async\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('writes into a copy of /dev/null (mknod in a temp folder)', (ctx) => {
    const note = rootOnly('it makes a device with mknod');
    if (note) ctx.skip(note);
    const devNull = at('null');
    execFileSync('mknod', [devNull, 'c', '1', '3']);
    chmodSync(devNull, 0o666);
    const before = statSync(devNull);
    writeFileSafely(devNull, 'gone', { durable: true });
    writeFileSafely(devNull, 'gone too', { durable: true });
    symlinkSync('null', at('link-to-null'));
    writeFileSafely(at('link-to-null'), 'through a link');
    const after = lstatSync(devNull);
    expect(after.isCharacterDevice()).toBe(true);
    expect([after.rdev, after.ino, after.mode]).toEqual([before.rdev, before.ino, before.mode]);
    expect(readdirSync(dir).sort()).toEqual(['link-to-null', 'null']);
  });
});

describe('failures, in plain words', () => {
  it('a directory', () => {
    mkdirSync(at('out'));
    expect(failure(() => writeFileSafely(at('out'), 'x'))).toBe(
      `${at('out')}: cannot write: it is a directory; give a file name, for example ${at('out/report.md')}`,
    );
    expect(failure(() => writeFileSafely('.', 'x'))).toMatch(
      /^\.: cannot write: it is a directory; give a file name/,
    );
  });

  it('an empty path', () => {
    expect(failure(() => writeFileSafely('', 'x'))).toBe(
      'cannot write to an empty path; give a file name',
    );
  });

  it('a missing folder', () => {
    expect(failure(() => writeFileSafely(at('out/r.md'), 'x'))).toBe(
      `${at('out/r.md')}: cannot write: the folder ${at('out')} does not exist; create it first (mkdir -p ${at('out')})`,
    );
    expect(failure(() => writeFileSafely(at('my out/r.md'), 'x'))).toContain(
      `the folder ${at('my out')} does not exist; create it first (mkdir -p '${at('my out')}')`,
    );
  });

  it('a file where a folder is needed', () => {
    writeFileSync(at('file'), 'x');
    const expected = `cannot write: ${at('file')} is not a folder (it is a file); choose another path`;
    expect(failure(() => writeFileSafely(at('file/x.md'), 'y'))).toBe(
      `${at('file/x.md')}: ${expected}`,
    );
    expect(failure(() => writeFileSafely(at('file/sub/x.md'), 'y'))).toBe(
      `${at('file/sub/x.md')}: ${expected}`,
    );
    expect(readFileSync(at('file'), 'utf8')).toBe('x');
  });

  it('a name that is too long', () => {
    const long = at(`${'n'.repeat(300)}.md`);
    expect(failure(() => writeFileSafely(long, 'x'))).toBe(
      `${long}: cannot write: the name is too long; choose a shorter file name`,
    );
  });

  it('never shows an errno code alone', () => {
    writeFileSync(at('file'), 'x');
    symlinkSync('c.md', at('c.md'));
    const messages = [
      failure(() => writeFileSafely('', 'x')),
      failure(() => writeFileSafely('.', 'x')),
      failure(() => writeFileSafely(at('file/x.md'), 'x')),
      failure(() => writeFileSafely(at('none/x.md'), 'x')),
      failure(() => writeFileSafely(at('c.md'), 'x')),
    ];
    for (const message of messages) expect(message).not.toMatch(/\bE[A-Z]{3,}\b/);
  });
});

describe('createFolder (for --out-dir)', () => {
  it('creates a folder and its parents, and accepts an existing one', () => {
    createFolder(at('a/b/c'));
    createFolder(at('a/b/c'));
    expect(statSync(at('a/b/c')).isDirectory()).toBe(true);
  });

  it('names the file that stands where a folder is needed', () => {
    writeFileSync(at('file'), 'x');
    expect(failure(() => createFolder(at('file')))).toBe(
      `${at('file')}: cannot create the folder: ${at('file')} is a file, not a folder; choose another folder`,
    );
    expect(failure(() => createFolder(at('file/out')))).toBe(
      `${at('file/out')}: cannot create the folder: ${at('file')} is a file, not a folder; choose another folder`,
    );
    expect(failure(() => createFolder(''))).toBe(
      'cannot use an empty path as a folder; give a folder name',
    );
  });
});

// A run as `nobody` (setpriv), for the permission cases root never meets.
describe('as a user who may not write', () => {
  skipEachWith(asNobody());
  it('says so, and leaves the files as they were', () => {
    const io = bundleIo(dir);
    mkdirSync(at('locked'));
    writeFileSync(at('locked/old.md'), 'old');
    chmodSync(at('locked'), 0o755); // root's: nobody may not create files here
    mkdirSync(at('open'));
    chmodSync(at('open'), 0o777);
    writeFileSync(at('open/ro.md'), 'read-only');
    chmodSync(at('open/ro.md'), 0o444);
    execFileSync('mknod', [at('null'), 'c', '1', '3']);
    chmodSync(at('null'), 0o666);
    const script = at('try.mjs');
    writeFileSync(
      script,
      `import { writeFileSafely } from ${JSON.stringify(io)};
const out = [];
for (const file of process.argv.slice(2)) {
  try { writeFileSafely(file, 'new'); out.push('ok'); } catch (e) { out.push(e.message); }
}
console.log(JSON.stringify(out));`,
    );
    const targets = [at('locked/new.md'), at('locked/old.md'), at('open/ro.md'), at('null')];
    writeFileSync(
      at('mkdir.mjs'),
      `import { createFolder } from ${JSON.stringify(io)};
try { createFolder(process.argv[2]); console.log('ok'); } catch (e) { console.log(e.message); }`,
    );
    const mkdir = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        at('mkdir.mjs'),
        at('locked/out'),
      ],
      { encoding: 'utf8' },
    );
    expect(mkdir.stdout).toBe(
      `${at('locked/out')}: cannot create the folder: you may not write there (the folder or the file is read-only); choose another place or ask for write permission\n`,
    );
    const result = spawnSync(
      'setpriv',
      ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, script, ...targets],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    const denied =
      'cannot write: you may not write there (the folder or the file is read-only); choose another place or ask for write permission';
    expect(JSON.parse(result.stdout)).toEqual([
      `${targets[0]}: ${denied}`,
      `${targets[1]}: ${denied}`,
      `${targets[2]}: ${denied}`,
      'ok',
    ]);
    expect(readdirSync(at('locked'))).toEqual(['old.md']);
    expect(readFileSync(at('locked/old.md'), 'utf8')).toBe('old');
    expect(readdirSync(at('open'))).toEqual(['ro.md']);
    expect(readFileSync(at('open/ro.md'), 'utf8')).toBe('read-only');
    expect(lstatSync(at('null')).isCharacterDevice()).toBe(true);
  });
});

// A full disk: a 64 KiB tmpfs in a private mount namespace.
describe('on a full disk', () => {
  skipEachWith(
    rootOnly('it mounts a small tmpfs') ??
      unless(
        works('unshare', ['-m', 'sh', '-c', 'mount -t tmpfs -o size=64k none /mnt']),
        'a tmpfs may not be mounted in a private mount namespace here (unshare -m)',
      ),
  );
  it('says the disk is full, keeps the old file and removes its temp file', () => {
    const io = bundleIo(dir);
    mkdirSync(at('small'));
    const script = at('fill.mjs');
    writeFileSync(
      script,
      `import { writeFileSafely } from ${JSON.stringify(io)};
import { readdirSync, readFileSync } from 'node:fs';
const [folder] = process.argv.slice(2);
const out = [];
writeFileSafely(folder + '/r.md', 'old');
try { writeFileSafely(folder + '/r.md', 'x'.repeat(1 << 20)); out.push('ok'); } catch (e) { out.push(e.message); }
try { writeFileSafely(folder + '/r.md', 'x'.repeat(1 << 20)); out.push('ok'); } catch (e) { out.push(e.message); }
out.push(readdirSync(folder), readFileSync(folder + '/r.md', 'utf8'));
console.log(JSON.stringify(out));`,
    );
    const folder = at('small');
    const result = spawnSync(
      'unshare',
      [
        '-m',
        'sh',
        '-c',
        `mount -t tmpfs -o size=64k none "$1" && exec "$2" "$3" "$1"`,
        'sh',
        folder,
        process.execPath,
        script,
      ],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    const full = `${folder}/r.md: cannot write: the disk is full; free some space and try again`;
    expect(JSON.parse(result.stdout)).toEqual([full, full, ['r.md'], 'old']);
  });
});
