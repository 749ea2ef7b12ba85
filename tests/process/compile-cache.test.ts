// Start-up with Node's compile cache (Node 22.1 and later): kept in a folder trustcheck has
// checked, never anywhere else; a kernel file system as HOME or XDG_CACHE_HOME never hangs a
// start; the output is the same with the cache and without.
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
});
afterEach(() => cleanup());

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
const nodeHasCache = major > 22 || (major === 22 && minor >= 1);

function answers(env: Record<string, string> = {}): string {
  const template = run(['init', '-', '--subject', 'Acme B.V.'], { cwd: dir, env });
  write(join(dir, 'a.yaml'), fillTemplate(template.stdout));
  return 'a.yaml';
}

describe('a kernel file system as the home or cache folder', () => {
  it.each([
    ['HOME=/proc/self', { HOME: '/proc/self' }],
    ['XDG_CACHE_HOME=/proc/self', { XDG_CACHE_HOME: '/proc/self' }],
    ['HOME=/sys', { HOME: '/sys' }],
    ['XDG_CACHE_HOME=/dev', { XDG_CACHE_HOME: '/dev' }],
  ])('%s: help and an audit end promptly, as without a cache', (_, env) => {
    const started = Date.now();
    const help = run(['--help'], { cwd: dir, env, timeout: 10_000 });
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: trustcheck');
    const audit = run(['audit', '-a', answers(env), '-f', 'json'], { cwd: dir, env });
    expect(audit.code, audit.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('the cache folder', () => {
  it('is $XDG_CACHE_HOME/trustcheck, 0700, holding what Node writes (Node 22.1 and later)', (ctx) => {
    if (!nodeHasCache) {
      ctx.skip(
        `Node ${process.versions.node} has no compile cache (CI runs this on Node 22 and 24)`,
      );
    }
    const xdg = join(dir, 'cache');
    const env = { XDG_CACHE_HOME: xdg };
    const file = answers(env);
    const first = run(['audit', '-a', file, '-f', 'json'], { cwd: dir, env });
    expect(first.code, first.stderr).toBe(0);
    const folder = join(xdg, 'trustcheck');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    // Node's folder of this Node version and user, with a cache file in it
    const [tagged] = readdirSync(folder);
    expect(tagged).toMatch(new RegExp(`^v${process.versions.node}-`));
    expect(readdirSync(join(folder, tagged!)).length).toBeGreaterThan(0);
    // from the cache: the same output
    const second = run(['audit', '-a', file, '-f', 'json'], { cwd: dir, env });
    expect(second).toEqual(first);
  });

  it('is not made where Node has no compile cache (Node 20)', (ctx) => {
    if (nodeHasCache) ctx.skip(`Node ${process.versions.node} has a compile cache`);
    const xdg = join(dir, 'cache');
    const help = run(['--help'], { cwd: dir, env: { XDG_CACHE_HOME: xdg } });
    expect(help.code).toBe(0);
    expect(existsSync(xdg)).toBe(false);
  });

  it('is not made with NODE_DISABLE_COMPILE_CACHE=1', () => {
    const xdg = join(dir, 'cache');
    const env = { XDG_CACHE_HOME: xdg, NODE_DISABLE_COMPILE_CACHE: '1' };
    const audit = run(['audit', '-a', answers(env), '-f', 'json'], { cwd: dir, env });
    expect(audit.code, audit.stderr).toBe(0);
    expect(existsSync(xdg)).toBe(false);
  });

  it('that is a link to another folder is not used: nothing is written there', () => {
    const xdg = join(dir, 'cache');
    mkdirSync(xdg, { mode: 0o700 });
    mkdirSync(join(dir, 'elsewhere'), { mode: 0o700 });
    symlinkSync(join(dir, 'elsewhere'), join(xdg, 'trustcheck'));
    const env = { XDG_CACHE_HOME: xdg };
    const audit = run(['audit', '-a', answers(env), '-f', 'json'], { cwd: dir, env });
    expect(audit.code, audit.stderr).toBe(0);
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual([]);
  });
});
