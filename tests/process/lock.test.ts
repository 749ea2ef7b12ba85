// The lock of an interactive session: one holder, a clear refusal naming it, stale locks of
// this host taken over with a message, never a lock of another host or PID namespace.
import { spawn } from 'node:child_process';
import {
  existsSync,
  readFileSync,
  readdirSync,
  renameSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pendingTempFiles, removeTempFiles } from '../../src/io/cleanup.js';
import {
  acquireLock,
  currentPidNamespace,
  lockPathFor,
  type LockOwner,
} from '../../src/io/lock.js';
import { bundleIo, tempFolder } from '../support/io-helpers.js';

let dir: string;
let cleanup: () => void;
let answers: string;
beforeEach(() => {
  ({ dir, cleanup } = tempFolder());
  answers = join(dir, 'a.yaml');
  writeFileSync(answers, 'format: trustcheck-answers/1\n');
});
afterEach(() => {
  removeTempFiles();
  expect(pendingTempFiles()).toEqual([]);
  cleanup();
});

const now = () => new Date('2026-11-23T10:00:00.000Z');
const alive = new Set([100, 200]);
const owner = (pid: number, host = 'here', pidNamespace = 'pid:[1]'): LockOwner => ({
  pid,
  host,
  pidNamespace,
  now,
  isAlive: (p) => alive.has(p),
});
const lockFile = () => `${answers}.lock`;
const holderOf = () => JSON.parse(readFileSync(lockFile(), 'utf8')) as unknown;

function refusal(take: () => unknown): string {
  try {
    take();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the lock was taken');
}

describe('acquireLock', () => {
  it('creates <file>.lock with pid, host and start; release removes it, once', () => {
    const lock = acquireLock(answers, owner(100));
    expect(lock.file).toBe(lockFile());
    expect(lock.message).toBeUndefined();
    expect(holderOf()).toEqual({
      pid: 100,
      host: 'here',
      started: '2026-11-23T10:00:00.000Z',
      pidNamespace: 'pid:[1]',
    });
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'a.yaml.lock']);
    lock.release();
    lock.release();
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('refuses a second session, naming the holder', () => {
    const lock = acquireLock(answers, owner(100));
    const message = `${answers} is being answered in another session (pid 100 on host here, since 2026-11-23T10:00:00.000Z); finish that one first, or remove ${lockFile()} if it crashed`;
    expect(refusal(() => acquireLock(answers, owner(200)))).toBe(message);
    // the same process asking twice is refused as well
    expect(refusal(() => acquireLock(answers, owner(100)))).toBe(message);
    lock.release();
    acquireLock(answers, owner(200)).release();
  });

  it('takes over a stale lock of this host, with a message', () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: 123, host: 'here', started: 'x', pidNamespace: 'pid:[1]' }),
    );
    const lock = acquireLock(answers, owner(200));
    expect(lock.message).toBe(`took over a stale lock of pid 123 on host here (${lockFile()})`);
    expect(holderOf()).toMatchObject({ pid: 200, host: 'here' });
    lock.release();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('takes over a lock with its own pid left by an earlier process', () => {
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: 1, host: 'here', started: 'x', pidNamespace: 'pid:[1]' }),
    );
    const lock = acquireLock(answers, { ...owner(1), isAlive: () => true });
    expect(lock.message).toBe(`took over a stale lock of pid 1 on host here (${lockFile()})`);
    lock.release();
  });

  it('never takes over a lock of another host or another PID namespace', () => {
    writeFileSync(lockFile(), JSON.stringify({ pid: 123, host: 'there', started: 's' }));
    expect(refusal(() => acquireLock(answers, owner(200)))).toMatch(
      /is being answered in another session \(pid 123 on host there, since s\)/,
    );
    writeFileSync(
      lockFile(),
      JSON.stringify({ pid: 123, host: 'here', started: 's', pidNamespace: 'pid:[2]' }),
    );
    expect(refusal(() => acquireLock(answers, owner(200)))).toMatch(/pid 123 on host here/);
    expect(holderOf()).toMatchObject({ pid: 123 });
  });

  it('refuses a lock file it cannot read, and leaves it', () => {
    writeFileSync(lockFile(), 'garbage');
    expect(refusal(() => acquireLock(answers, owner(200)))).toBe(
      `${lockFile()}: is not a lock trustcheck can read (another session may be starting); if no other session is answering ${answers}, remove it`,
    );
    expect(readFileSync(lockFile(), 'utf8')).toBe('garbage');
  });

  it('does not remove a lock that another session holds since', () => {
    const lock = acquireLock(answers, owner(100));
    const other = JSON.stringify({ pid: 200, host: 'here', started: 's' });
    writeFileSync(join(dir, 'other'), other);
    renameSync(join(dir, 'other'), lockFile()); // a new lock file (a new inode) in its place
    lock.release();
    expect(readFileSync(lockFile(), 'utf8')).toBe(other);
  });

  it('is released by removeTempFiles() (a signal)', () => {
    acquireLock(answers, owner(100));
    expect(existsSync(lockFile())).toBe(true);
    removeTempFiles();
    expect(existsSync(lockFile())).toBe(false);
  });

  it('is one lock for every spelling and link of the answers file', () => {
    symlinkSync('a.yaml', join(dir, 'link.yaml'));
    expect(lockPathFor(join(dir, 'link.yaml'))).toBe(lockPathFor(answers));
    expect(lockPathFor(`${dir}/./sub/../a.yaml`)).toBe(lockPathFor(answers));
    const lock = acquireLock(join(dir, 'link.yaml'), owner(100));
    expect(refusal(() => acquireLock(answers, owner(200)))).toMatch(/pid 100/);
    lock.release();
    // a file not written yet is locked beside where it will be
    expect(lockPathFor(join(dir, 'new.yaml'))).toBe(`${join(dir, 'new.yaml')}.lock`);
  });

  it('gives this process its PID namespace on Linux', () => {
    if (existsSync('/proc/self/ns/pid')) expect(currentPidNamespace()).toMatch(/^pid:\[\d+\]$/);
    else expect(currentPidNamespace()).toBeUndefined();
  });
});

describe('sessions racing for one lock', () => {
  it('exactly one of eight processes gets it', async () => {
    const io = bundleIo(dir);
    const script = join(dir, 'race.mjs');
    writeFileSync(
      script,
      `import { acquireLock } from ${JSON.stringify(io)};
const start = Number(process.argv[3]);
while (Date.now() < start) {}
try {
  acquireLock(process.argv[2], { pid: process.pid, host: 'h', isAlive: () => true });
  console.log('got it');
  // the winner holds the lock until the test has heard from every process
  process.stdin.resume();
} catch (e) { console.log(e.message); }`,
    );
    // all eight spin until the same moment, then race
    const start = Date.now() + 400;
    const racers = Array.from({ length: 8 }, () => {
      const child = spawn(process.execPath, [script, answers, String(start)]);
      let out = '';
      const closed = new Promise<void>((done) => child.on('close', () => done()));
      const answered = new Promise<string>((done) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) done(out.trim());
        });
        void closed.then(() => done(out.trim()));
      });
      return { child, closed, answered };
    });
    const outputs = await Promise.all(racers.map((r) => r.answered));
    for (const { child } of racers) child.stdin.end();
    await Promise.all(racers.map((r) => r.closed));
    expect(outputs.filter((o) => o === 'got it')).toHaveLength(1);
    for (const o of outputs.filter((o) => o !== 'got it')) {
      expect(o).toMatch(/is being answered in another session \(pid \d+ on host h, since /);
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 30_000);
});
