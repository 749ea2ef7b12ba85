// Finding and reading the config file, with lilconfig: its search places (in order), its walk up
// the folders, its package.json key. Config is data: only YAML and JSON loaders are given, and a
// JavaScript file is never loaded, even when named with --config. lilconfig reads each candidate
// itself with fs.readFileSync (it has no hook for that: lilconfig issue #41), which has no size
// cap and blocks on a FIFO; so for the one synchronous call, its reads of those candidates go
// through read.ts instead (5 MiB cap; a found file is opened without waiting and must be a
// regular file; UTF-8 checked), and every other read is left alone.
import fs from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { lilconfigSync, type LilconfigResult, type LoaderSync } from 'lilconfig';
import type { LocatedIssue } from '../core/issues.js';
import { isJsonFile, parseDocument, type ParsedDocument } from './document.js';
import { pathExists } from './folders.js';
import { decodeTextResult, readInputBytes } from './read.js';

/** The places a config file is looked for in each folder, first found first. */
export const CONFIG_PLACES = [
  'trustcheck.config.yaml',
  'trustcheck.config.yml',
  'trustcheck.config.json',
  '.trustcheckrc',
  '.trustcheckrc.yaml',
  '.trustcheckrc.json',
  'package.json',
] as const;

/** The key of package.json that holds trustcheck's config. */
export const PACKAGE_KEY = 'trustcheck';

const JAVASCRIPT = ['.js', '.cjs', '.mjs', '.ts', '.cts', '.mts'];
/** JavaScript configs as other tools have them: seen and named in a warning, never loaded. */
const JAVASCRIPT_PLACES = ['trustcheck.config', '.trustcheckrc'].flatMap((name) =>
  JAVASCRIPT.map((ext) => `${name}${ext}`),
);

/** A config that was found: its file, its document, and where in it the options are. */
export interface FoundConfig {
  /** The file as it is shown: relative to the current folder, or as given with --config. */
  file: string;
  /** The folder relative paths in the config resolve from (absolute). */
  folder: string;
  /** The parsed document, with positions; undefined for an empty file. */
  parsed: ParsedDocument | undefined;
  /** The path of the options in the document: [] for a config file, ["trustcheck"] in package.json. */
  at: readonly string[];
  /** The options as read (not yet checked). */
  value: unknown;
}

/** A file that was not read although it looks like a config, and why. */
export type IgnoredConfig =
  { file: string; reason: 'javascript' } | { file: string; reason: 'shadowed'; by: string };

export type ConfigLookup =
  | { ok: true; found: FoundConfig | undefined; ignored: IgnoredConfig[]; searched: string[] }
  | { ok: false; issues: LocatedIssue[] };

/** A problem found while lilconfig runs, carried out of it. */
class ConfigProblem extends Error {
  constructor(readonly issues: LocatedIssue[]) {
    super(issues[0]?.message ?? 'config problem');
  }
}

/** How a file is shown: relative to `cwd` when it is below it or near, else absolute. */
function shown(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.split(sep).filter((p) => p === '..').length > 2 ? file : rel;
}

/**
 * The project `cwd` is in: the nearest folder, `cwd` itself or above it, that holds `.git` or
 * package.json; undefined outside a project.
 */
export function projectRoot(cwd: string): string | undefined {
  for (let dir = cwd; ;) {
    if (pathExists(join(dir, '.git')) || pathExists(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folders from `from` up to `to`, both included (`to` is `from` or above it). */
function foldersUp(from: string, to: string): string[] {
  const folders: string[] = [];
  for (let dir = from; ; dir = dirname(dir)) {
    folders.push(dir);
    if (dir === to || dirname(dir) === dir) return folders;
  }
}

/**
 * fs.readFileSync as lilconfig calls it (one argument) for the files `isCandidate` accepts:
 * through read.ts. Restored before this returns, also when `run` throws.
 */
function readingSafely<T>(
  isCandidate: (file: string) => boolean,
  options: { showAs: (file: string) => string },
  run: () => T,
): T {
  const original = fs.readFileSync;
  const safe = (file: string): Buffer => {
    const name = options.showAs(file);
    // a config found by the search is never one named on the command line
    const read = readInputBytes(file, 'config file', 'remove it, or make it a plain file');
    if (!read.ok) throw new ConfigProblem([{ ...read.issue, file: name }]);
    // an empty file is a config without options; anything else must be UTF-8 text
    if (read.bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09))
      return Buffer.alloc(0);
    const text = decodeTextResult(read.bytes, name, 'config file');
    if (!text.ok) throw new ConfigProblem([text.issue]);
    return read.bytes;
  };
  const patched = function readFileSync(this: unknown, ...args: unknown[]): unknown {
    if (args.length === 1 && typeof args[0] === 'string' && isCandidate(args[0]))
      return safe(args[0]);
    return Reflect.apply(original, this, args);
  } as typeof fs.readFileSync;
  fs.readFileSync = patched;
  try {
    return run();
  } finally {
    fs.readFileSync = original;
  }
}

/** lilconfig's loaders: YAML and JSON through document.ts (positions, duplicate keys); JavaScript refused. */
function loaders(
  documents: Map<string, ParsedDocument>,
  showAs: (file: string) => string,
): Record<string, LoaderSync> {
  const parse = (file: string, content: string): unknown => {
    // comments only (a $schema line, say): a config without options, as an empty file is
    if (!isJsonFile(file) && content.split('\n').every((line) => /^\s*(#.*)?$/.test(line)))
      return null;
    const result = parseDocument(content, showAs(file));
    if (!result.ok) throw new ConfigProblem(result.issues);
    documents.set(file, result.parsed);
    const value = result.parsed.value;
    // package.json is not ours to check: one that is not an object has no config in it
    if (basename(file) === 'package.json' && (value === null || typeof value !== 'object'))
      return {};
    return value;
  };
  const refuse: LoaderSync = (file) => {
    throw new ConfigProblem([{ file: showAs(file), message: javascriptMessage }]);
  };
  // package.json is read for its key alone (JSON.parse, fast); with positions and every check
  // only when the key is there, or when it is not JSON (to say where)
  const json = (file: string, content: string): unknown => {
    if (basename(file) !== 'package.json') return parse(file, content);
    let value: unknown;
    try {
      value = JSON.parse(content.charCodeAt(0) === 0xfeff ? content.slice(1) : content);
    } catch {
      return parse(file, content);
    }
    const has = value !== null && typeof value === 'object' && Object.hasOwn(value, PACKAGE_KEY);
    return has ? parse(file, content) : {};
  };
  return {
    '.yaml': parse,
    '.yml': parse,
    '.json': json,
    noExt: parse,
    ...Object.fromEntries(JAVASCRIPT.map((ext) => [ext, refuse])),
  };
}

const javascriptMessage =
  'is JavaScript: trustcheck never runs a config file; write the options as YAML (trustcheck.config.yaml) or JSON';

function found(
  file: string,
  shownAs: string,
  config: unknown,
  documents: Map<string, ParsedDocument>,
  folder: string,
): FoundConfig {
  return {
    file: shownAs,
    folder,
    parsed: documents.get(file),
    at: basename(file) === 'package.json' ? [PACKAGE_KEY] : [],
    value: config,
  };
}

/** Whether package.json in `folder` has a "trustcheck" key (a broken one counts as none). */
function packageHasConfig(folder: string): boolean {
  const file = join(folder, 'package.json');
  const read = readInputBytes(file, 'package.json');
  if (!read.ok) return false;
  try {
    const value: unknown = JSON.parse(read.bytes.toString('utf8'));
    return (
      value !== null &&
      typeof value === 'object' &&
      Object.hasOwn(value, PACKAGE_KEY) &&
      (value as Record<string, unknown>)[PACKAGE_KEY] != null
    );
  } catch {
    return false;
  }
}

/** lilconfig's search from `cwd` up to `stopDir`, its reads through read.ts. */
function search(
  cwd: string,
  stopDir: string,
  folders: readonly string[],
  places: string[],
  documents: Map<string, ParsedDocument>,
): LilconfigResult {
  const candidates = new Set(folders.flatMap((f) => places.map((p) => join(f, p))));
  const showAs = (file: string) => shown(cwd, file);
  return readingSafely(
    (file) => candidates.has(file),
    { showAs },
    () =>
      lilconfigSync('trustcheck', {
        searchPlaces: places,
        stopDir,
        packageProp: PACKAGE_KEY,
        ignoreEmptySearchPlaces: false,
        cache: false,
        loaders: loaders(documents, showAs),
      }).search(cwd),
  );
}

/**
 * Looks for the config from `cwd` up to the project's root (the nearest folder with `.git` or
 * package.json), or in `cwd` alone outside a project. The first file of CONFIG_PLACES found wins;
 * JavaScript configs on the way, and other config files beside the one found, are listed as
 * ignored.
 */
export function searchConfig(cwd: string): ConfigLookup {
  const stopDir = projectRoot(cwd) ?? cwd;
  const folders = foldersUp(cwd, stopDir);
  // lilconfig is given the places that exist somewhere on the way (in their order): it then
  // does not try, and fail, to open each of the others in every folder
  const present = CONFIG_PLACES.filter((place) => folders.some((f) => pathExists(join(f, place))));
  const documents = new Map<string, ParsedDocument>();
  let result: LilconfigResult = null;
  try {
    if (present.length > 0) result = search(cwd, stopDir, folders, present, documents);
  } catch (error) {
    if (error instanceof ConfigProblem) return { ok: false, issues: error.issues };
    throw error;
  }
  const at = result === null ? undefined : dirname(result.filepath);
  const searched = at === undefined ? folders : foldersUp(cwd, at);
  const ignored: IgnoredConfig[] = [];
  for (const folder of searched) {
    for (const place of JAVASCRIPT_PLACES) {
      const file = join(folder, place);
      if (pathExists(file)) ignored.push({ file: shown(cwd, file), reason: 'javascript' });
    }
  }
  if (result === null || at === undefined) return { ok: true, found: undefined, ignored, searched };
  const used = shown(cwd, result.filepath);
  const after = CONFIG_PLACES.slice(
    CONFIG_PLACES.indexOf(basename(result.filepath) as (typeof CONFIG_PLACES)[number]) + 1,
  );
  for (const place of after) {
    const file = join(at, place);
    const also = place === 'package.json' ? packageHasConfig(at) : pathExists(file);
    if (also) ignored.push({ file: shown(cwd, file), reason: 'shadowed', by: used });
  }
  return {
    ok: true,
    found: found(result.filepath, used, result.config, documents, at),
    ignored,
    searched,
  };
}

/**
 * Reads the config file named with --config: YAML or JSON by its name (a name without an
 * extension, such as .trustcheckrc or a pipe, is YAML, which JSON is a part of), package.json's
 * "trustcheck" key, never JavaScript. Pipes and devices are read as every input is (`<(…)`).
 */
export function readConfigFile(given: string, cwd: string): ConfigLookup {
  const fail = (message: string): ConfigLookup => ({
    ok: false,
    issues: [{ file: given, message }],
  });
  if (given === '') return fail('the path of the config file is empty; give a file name');
  const file = resolve(cwd, given);
  const ext = extname(basename(file).replace(/^\./, '')).toLowerCase();
  if (JAVASCRIPT.includes(ext)) return fail(javascriptMessage);
  if (!['.yaml', '.yml', '.json', ''].includes(ext)) {
    return fail(
      'a config file is YAML (.yaml, .yml) or JSON (.json); rename it, or give trustcheck.config.yaml',
    );
  }
  const documents = new Map<string, ParsedDocument>();
  let result: LilconfigResult;
  try {
    result = readingSafely(
      (f) => f === file,
      { showAs: () => given },
      () =>
        lilconfigSync('trustcheck', {
          searchPlaces: [],
          packageProp: PACKAGE_KEY,
          ignoreEmptySearchPlaces: false,
          cache: false,
          loaders: loaders(documents, () => given),
        }).load(file),
    );
  } catch (error) {
    if (error instanceof ConfigProblem) return { ok: false, issues: error.issues };
    throw error;
  }
  if (basename(file) === 'package.json' && result?.config == null) {
    return fail(`has no "${PACKAGE_KEY}" key; add one with the options, or give a config file`);
  }
  // a pipe or a device has no folder of its own: its paths are the current folder's
  let folder = dirname(file);
  try {
    if (!fs.statSync(file).isFile()) folder = cwd;
  } catch {
    folder = cwd;
  }
  return {
    ok: true,
    found: found(file, given, result?.config, documents, folder),
    ignored: [],
    searched: [],
  };
}
