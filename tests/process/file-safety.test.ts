// trustcheck never destroys, exposes or half-writes a file (SPEC section 7): every case checks
// the exit code, the message, and the bytes, mode and type of the files involved afterwards.
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  rmSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bin, cleanEnv, read, root, run, tempDir, write } from '../support/helpers.js';
import { asNobody, inRounds, rootOnly } from '../support/io-helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  copyFileSync(join(root, 'examples', 'acme-answers.yaml'), join(dir, 'a.yaml'));
});
afterEach(() => cleanup());

const audit = (...args: string[]) =>
  run(['audit', '-a', 'a.yaml', '--fail-on', 'never', ...args], { cwd: dir });
const answers = () => read(join(dir, 'a.yaml'));
const original = read(join(root, 'examples', 'acme-answers.yaml'));

describe('no output is an input', () => {
  it.each([['a.yaml'], ['./a.yaml'], ['sub/../a.yaml']])('-o %s is refused', (output) => {
    mkdirSync(join(dir, 'sub'));
    const result = audit('-o', output);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('of this run: trustcheck never writes over its own input');
    expect(answers()).toBe(original);
  });

  it('-o through a symlink to the answers is refused', () => {
    symlinkSync('a.yaml', join(dir, 'link.md'));
    const result = audit('-o', 'link.md');
    expect(result.code).toBe(2);
    expect(answers()).toBe(original);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
  });

  it('--out-dir onto the folder of JSON answer files writes no report over them', () => {
    mkdirSync(join(dir, 'clients'));
    const json = JSON.stringify(parse(original), null, 2);
    write(join(dir, 'clients', 'acme.json'), json);
    write(join(dir, 'clients', 'beta.json'), json.replace('Acme B.V.', 'Beta'));
    const result = run(['audit', '-a', 'clients', '--out-dir', 'clients', '-f', 'json'], {
      cwd: dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('clients/acme.json is an input of this run');
    expect(read(join(dir, 'clients', 'acme.json'))).toBe(json);
    expect(read(join(dir, 'clients', 'beta.json'))).toContain('"Beta"');
  });

  it('the baseline is an input too', () => {
    audit('-o', 'base.json');
    const before = read(join(dir, 'base.json'));
    const result = audit('--baseline', 'base.json', '-o', 'base.json');
    expect(result.code).toBe(2);
    expect(read(join(dir, 'base.json'))).toBe(before);
  });
});

describe('what is written where', () => {
  it('a symlinked report is written through; the link stays', () => {
    write(join(dir, 'target.md'), 'old');
    symlinkSync('target.md', join(dir, 'link.md'));
    expect(audit('-o', 'link.md').code).toBe(0);
    expect(lstatSync(join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.md'))).toBe('target.md');
    expect(read(join(dir, 'target.md'))).toMatch(/^# Trustability test/);
  });

  it('an existing report keeps its mode', () => {
    write(join(dir, 'r.md'), 'old');
    chmodSync(join(dir, 'r.md'), 0o600);
    expect(audit('-o', 'r.md').code).toBe(0);
    expect(statSync(join(dir, 'r.md')).mode & 0o777).toBe(0o600);
    expect(read(join(dir, 'r.md'))).toMatch(/^# Trustability test/);
  });

  it('a device is written to, never replaced (a copy of /dev/null)', (ctx) => {
    const note = rootOnly('it makes a device with mknod');
    if (note) ctx.skip(note);
    const made = spawnSync('mknod', ['-m', '666', join(dir, 'null'), 'c', '1', '3']);
    expect(made.status).toBe(0);
    expect(audit('-o', 'null').code).toBe(0);
    expect(statSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });

  it('-o - is stdout; no file named "-" appears', () => {
    const result = audit('-o', '-', '-o', 'r.json');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Trustability test/);
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(JSON.parse(read(join(dir, 'r.json')))).toMatchObject({ subject: 'Acme B.V.' });
  });

  it('no temporary file is left by any run', () => {
    audit('-o', 'r.md', '-o', 'r.json', '-o', 'r.xml', '-o', 'r.html');
    audit('-o', 'missing/r.md');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.startsWith('.'))).toEqual([]);
  });
});

describe('file errors in plain words', () => {
  it.each([
    [['-o', '.'], /\.: cannot write: it is a (directory|folder)/],
    [['-o', ''], /give a file name/],
    [['-o', 'a.yaml/x.md'], /not a folder/],
    [['-o', 'missing/r.md'], /the folder missing does not exist; create it first/],
  ])('audit %j', (args, message) => {
    const result = audit(...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
    expect(answers()).toBe(original);
  });

  it('--out-dir that is a file', () => {
    write(join(dir, 'file'), 'x');
    const result = run(['audit', '-a', 'a.yaml', '--out-dir', 'file'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/file is a file, not a folder/);
    expect(read(join(dir, 'file'))).toBe('x');
  });

  it('a folder the user may not write to (run as nobody)', (ctx) => {
    const note = asNobody();
    if (note) ctx.skip(note);
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'a.yaml'), 0o644);
    // the checkout may sit in a folder nobody may enter: run a copy of the built program
    const pkg = mkdtempSync(join(tmpdir(), 'trustcheck-nobody-'));
    chmodSync(pkg, 0o755);
    for (const part of ['bin', 'dist', 'questionnaires', 'schemas', 'package.json'])
      cpSync(join(root, part), join(pkg, part), { recursive: true });
    const result = spawnSync(
      'setpriv',
      [
        '--reuid=65534',
        '--regid=65534',
        '--clear-groups',
        process.execPath,
        join(pkg, 'bin', 'trustcheck.cjs'),
        'audit',
        '-a',
        'a.yaml',
        '--fail-on',
        'never',
        '-o',
        'locked/r.md',
      ],
      { cwd: dir, env: cleanEnv(), encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('locked/r.md');
    expect(result.stderr).toMatch(/may not write/);
    expect(readdirSync(join(dir, 'locked'))).toEqual([]);
    rmSync(pkg, { recursive: true, force: true });
  });

  it.each([['99999999999999'], ['253402300800'], ['soon']])(
    'SOURCE_DATE_EPOCH=%s is a usage error, not a date past 9999',
    (epoch) => {
      const result = run(['audit', '-a', 'a.yaml', '--fail-on', 'never'], {
        cwd: dir,
        env: { SOURCE_DATE_EPOCH: epoch },
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `SOURCE_DATE_EPOCH=${epoch} is not a date trustcheck can use`,
      );
    },
  );

  it('SOURCE_DATE_EPOCH at the end of 9999 still works', () => {
    write(join(dir, 'a.yaml'), original.replace(/^date: .*$/m, ''));
    const result = run(['audit', '-a', 'a.yaml', '-f', 'json', '--fail-on', 'never'], {
      cwd: dir,
      env: { SOURCE_DATE_EPOCH: '253402300799' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ date: '9999-12-31' });
  });

  it('init in a folder that was deleted', () => {
    const gone = join(dir, 'gone');
    mkdirSync(gone);
    const result = spawnSync(
      'sh',
      ['-c', `cd "${gone}" && rmdir "${gone}" && "${process.execPath}" "${bin}" init x.yaml`],
      { env: cleanEnv(), encoding: 'utf8' },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('the current folder no longer exists');
    expect(result.stderr).not.toContain('internal error');
  });
});

describe('inputs are read with the 5 MiB cap, whatever stat says', () => {
  it('-a /dev/zero stops at once', () => {
    const started = Date.now();
    const result = run(['audit', '-a', '/dev/zero'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/5 MiB/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('an endless pipe on /dev/stdin stops at once', () => {
    const result = spawnSync(
      'sh',
      ['-c', `yes | "${process.execPath}" "${bin}" audit -a /dev/stdin`],
      {
        cwd: dir,
        env: cleanEnv(),
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/5 MiB/);
  });

  it('a process substitution (a pipe) is read like a file', () => {
    const result = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" audit -a <(cat a.yaml) -f json --fail-on never`],
      { cwd: dir, env: cleanEnv(), encoding: 'utf8' },
    );
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ subject: 'Acme B.V.' });
  });
});

describe('answer files keep their syntax; --force replaces only answers', () => {
  it('init x.json writes JSON that audits', () => {
    expect(run(['init', 'x.json', '--subject', 'Acme'], { cwd: dir }).code).toBe(0);
    const json = JSON.parse(read(join(dir, 'x.json'))) as { subject: string };
    expect(json.subject).toBe('Acme');
    const audited = run(['audit', '-a', 'x.json', '--allow-incomplete', '--fail-on', 'never'], {
      cwd: dir,
    });
    expect(audited.code, audited.stderr).toBe(0);
  });

  it('questionnaires new -o x.json writes JSON that validates', () => {
    expect(
      run(['questionnaires', 'new', 'supplier-check', '-o', 'q.json'], { cwd: dir }).code,
    ).toBe(0);
    JSON.parse(read(join(dir, 'q.json')));
    expect(run(['questionnaires', 'validate', 'q.json'], { cwd: dir }).code).toBe(0);
  });

  it('init --force does not replace a questionnaire', () => {
    copyFileSync(join(root, 'examples', 'know-like-trust.yaml'), join(dir, 'q.yaml'));
    const before = read(join(dir, 'q.yaml'));
    const result = run(['init', 'q.yaml', '--force'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'q.yaml is not a trustcheck answers file, so --force leaves it as it is',
    );
    expect(read(join(dir, 'q.yaml'))).toBe(before);
  });

  it('init --force replaces an answers file or an empty one', () => {
    write(join(dir, 'empty.yaml'), '');
    expect(run(['init', 'empty.yaml', '--force'], { cwd: dir }).code).toBe(0);
    expect(run(['init', 'a.yaml', '--force'], { cwd: dir }).code).toBe(0);
    expect(answers()).toContain('format: trustcheck-answers/1');
  });
});

describe('signals', () => {
  it('SIGTERM during a batch, at random moments, leaves no temporary file and no half report', async () => {
    mkdirSync(join(dir, 'clients'));
    for (let i = 0; i < 300; i++)
      copyFileSync(join(dir, 'a.yaml'), join(dir, 'clients', `c${i}.yaml`));
    let interrupted = 0;
    // four batches side by side, each killed at its own random moment
    await inRounds(20, 4, async (round) => {
      const out = join(dir, `out${round}`);
      const child = spawn(
        process.execPath,
        [bin, 'audit', '-a', 'clients', '--out-dir', out, '-f', 'json', '--fail-on', 'never'],
        { cwd: dir, env: cleanEnv(), stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
      // this delay times the kill at a random moment of the batch; it waits for nothing
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 600));
      child.kill('SIGTERM');
      const code = await exited;
      // a signal before Node runs trustcheck's code, or while the finished process is being torn
      // down, ends it the default way (no code): then nothing is half-written either
      expect([0, 130, null]).toContain(code);
      if (code === 130) interrupted++;
      if (!existsSync(out)) return;
      // every report is whole, and nothing else is there: no temporary file
      for (const name of readdirSync(out)) {
        expect(name).toMatch(/^c\d+\.json$/);
        const text = read(join(out, name));
        const report = JSON.parse(text) as { subject: string };
        expect(report.subject).toBe('Acme B.V.');
      }
    });
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000);
});
