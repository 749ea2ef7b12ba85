// Running the built binary the way users do: in a temp folder, with a clean environment.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const bin = join(root, 'bin', 'trustcheck.cjs');
export const fixtures = join(root, 'tests', 'fixtures');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NO_COLOR: '1',
    LANG: 'C',
    SOURCE_DATE_EPOCH: '1795392000', // 2026-11-23
    ...extra,
  };
  return env;
}

export function run(
  args: string[],
  options: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {},
): RunResult {
  const spawnOptions: SpawnSyncOptions = {
    cwd: options.cwd ?? root,
    env: cleanEnv(options.env),
    encoding: 'utf8',
    timeout: options.timeout ?? 20_000,
    input: options.input ?? '',
  };
  const result = spawnSync(process.execPath, [bin, ...args], spawnOptions);
  return {
    code: result.status,
    stdout: String(result.stdout ?? ''),
    stderr: String(result.stderr ?? ''),
  };
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'trustcheck-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const read = (file: string): string => readFileSync(file, 'utf8');
export const write = (file: string, text: string): void => writeFileSync(file, text);
export const list = (dir: string): string[] => readdirSync(dir).sort();

/** Fills every `~` answer of an `init` template with `value`. */
export function fillTemplate(template: string, value: 'yes' | 'no' = 'yes'): string {
  return template.replace(/^(\s+[a-z0-9-]+): ~ #.*$/gm, `$1: ${value}`);
}

/** Sets one statement's answer in a filled template. */
export function setAnswer(text: string, statement: string, value: string): string {
  const re = new RegExp(`^(\\s+${statement}): .*$`, 'm');
  if (!re.test(text)) throw new Error(`no statement ${statement}`);
  return text.replace(re, `$1: ${value}`);
}
