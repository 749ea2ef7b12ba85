// The writer across processes: killed with SIGTERM at random moments it leaves no temp file
// and no half report; two writers in separate PID namespaces (both pid 1) never collide.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleIo, inRounds, tempFilesIn, tempFolder, works } from '../support/io-helpers.js';
import { skipEachWith, unless } from '../support/skip.js';

let dir: string;
let cleanup: () => void;
let io: string;
beforeAll(() => {
  ({ dir, cleanup } = tempFolder());
  io = bundleIo(dir);
});
afterAll(() => cleanup());

/** The content of report `n`: large enough that a kill often lands mid-write. */
const reportText = (n: number): string =>
  `# report ${n}\n${'line of text\n'.repeat(20_000)}END ${n}\n`;

describe('SIGTERM during a batch of writes', () => {
  it('leaves no temp file, and every report absent or complete (25 random kills)', async () => {
    const script = join(dir, 'batch.mjs');
    writeFileSync(
      script,
      `import { writeFileSafely, removeTempFiles } from ${JSON.stringify(io)};
const reportText = ${reportText.toString()};
const out = process.argv[2];
process.on('SIGTERM', () => { removeTempFiles(); process.exit(130); });
console.log('ready');
for (let n = 0; ; n += 4) {
  // as a batch does: a few files, then a turn of the event loop (where the signal is handled)
  for (const k of [0, 1, 2, 3]) writeFileSafely(out + '/r' + ((n + k) % 40) + '.md', reportText(n + k));
  await new Promise((turn) => setImmediate(turn));
}`,
    );
    const seen = { complete: 0, absent: 0 };
    // five batches side by side; each is killed at its own random moment
    await inRounds(25, 5, async (round) => {
      const out = join(dir, `run${round}`);
      mkdirSync(out);
      const child = spawn(process.execPath, [script, out], { stdio: ['ignore', 'pipe', 'pipe'] });
      const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((ready) => child.stdout.once('data', () => ready()));
      // a random moment of the batch (at once in every fifth round): this delay times the kill,
      // it does not wait for anything
      await new Promise((wait) => setTimeout(wait, round % 5 === 0 ? 0 : Math.random() * 150));
      child.kill('SIGTERM');
      expect(await exited).toBe(130);
      expect(stderr).toBe('');
      expect(tempFilesIn(out)).toEqual([]);
      for (let i = 0; i < 40; i++) {
        const file = join(out, `r${i}.md`);
        if (!existsSync(file)) {
          seen.absent++;
          continue;
        }
        const text = readFileSync(file, 'utf8');
        const n = Number(/END (\d+)\n$/.exec(text)?.[1]);
        expect(n % 40).toBe(i);
        expect(text).toBe(reportText(n));
        seen.complete++;
      }
    });
    console.log(
      `write-processes.test.ts: after the kills, ${seen.complete} reports complete, ${seen.absent} absent`,
    );
    // the kills landed both before and after reports were written
    expect(seen.complete).toBeGreaterThan(0);
    expect(seen.absent).toBeGreaterThan(0);
  }, 120_000);
});

describe('two writers in separate PID namespaces', () => {
  skipEachWith(
    unless(
      works('unshare', ['-pf', 'true']),
      'a PID namespace may not be made here (unshare -pf needs root, or user namespaces)',
    ),
  );
  it('write the same output 20 times without a failure', async () => {
    const script = join(dir, 'writer.mjs');
    writeFileSync(
      script,
      `import { writeFileSafely } from ${JSON.stringify(io)};
const [file, who] = process.argv.slice(2);
for (let i = 0; i < 50; i++) writeFileSafely(file, (who + ' ' + i + '\\n').repeat(2000));
console.log(process.pid);`,
    );
    const run = (target: string, who: string) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn('unshare', ['-pf', process.execPath, script, target, who]);
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('close', (code) => done({ code, stdout, stderr }));
      });
    // four pairs side by side, each pair on a file of its own
    await inRounds(20, 4, async (round) => {
      const folder = join(dir, `pair${round}`);
      mkdirSync(folder);
      const target = join(folder, 'shared.md');
      const results = await Promise.all([run(target, 'a'), run(target, 'b')]);
      // both ran as pid 1: a temp name made of the pid would have been the same
      expect(results).toEqual([
        { code: 0, stdout: '1\n', stderr: '' },
        { code: 0, stdout: '1\n', stderr: '' },
      ]);
      const text = readFileSync(target, 'utf8');
      expect(['a 49\n'.repeat(2000), 'b 49\n'.repeat(2000)]).toContain(text);
      expect(tempFilesIn(folder)).toEqual([]);
    });
  }, 120_000);
});
