// The built binary loads its code through a per-user code cache: the same output with it,
// without it, and with a cache folder it must refuse.
import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fillTemplate, run, tempDir, write } from '../support/helpers.js';

let dir: string;
let cleanup: () => void;
let xdg: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  xdg = join(dir, 'cache');
  write(join(dir, 'a.yaml'), fillTemplate(run(['init', '-', '--subject', 'Acme']).stdout));
});
afterEach(() => cleanup());

const audit = (env: Record<string, string>) =>
  run(['audit', '-a', 'a.yaml', '-f', 'json'], { cwd: dir, env: { XDG_CACHE_HOME: xdg, ...env } });
const cached = () =>
  existsSync(join(xdg, 'trustcheck')) ? readdirSync(join(xdg, 'trustcheck')) : [];

describe('the code cache', () => {
  it('gives the same report cold, warm and off, and is written once', () => {
    const off = audit({ TRUSTCHECK_NO_CACHE: '1' });
    expect(off.code).toBe(0);
    expect(cached()).toEqual([]);
    const cold = audit({});
    expect(cached()).toHaveLength(1);
    const warm = audit({});
    expect(cached()).toHaveLength(1);
    for (const result of [cold, warm]) {
      expect(result).toEqual(off);
    }
  });

  it('is not used in a folder others can write to, silently', () => {
    mkdirSync(join(xdg, 'trustcheck'), { recursive: true });
    chmodSync(join(xdg, 'trustcheck'), 0o777);
    const result = audit({});
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(audit({ TRUSTCHECK_NO_CACHE: '1' }).stderr);
    expect(cached()).toEqual([]);
  });
});
