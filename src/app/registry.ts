// The registry of questionnaires: the built-ins shipped under questionnaires/<id>/<version>.yaml
// and files given by path. Resolves REFs (`id`, `id@version`, a path) and answer-file pins.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as validators from '../generated/validators.cjs';
import { didYouMean, type LocatedIssue, type Result } from '../core/issues.js';
import { fallbackMessage, fallbackVersion, type Meanings } from '../core/meanings.js';
import type { Questionnaire } from '../core/model.js';
import { chooseVersion, compareVersions } from '../core/semver.js';
import { SEMVER_PATTERN } from '../core/formats.js';
import { TrustcheckError, unwrap } from '../errors.js';
import { locate, parseDocument } from '../io/document.js';
import { schemaIssues } from '../io/schema-issues.js';
import { folderEntries, pathExists } from '../io/folders.js';
import { readInputFile } from '../io/read.js';
import { loadQuestionnaireFile, sortIssues, type Loaded } from './load.js';

export interface LoadedQuestionnaire {
  value: Questionnaire;
  /** sha256 of the file's bytes, as "sha256:<hex>". */
  digest: string;
  file: string;
  builtin: boolean;
}

/**
 * The built-ins, validated at build time (dist/questionnaires/<id>@<version>.json), each with the
 * text of its YAML and that text's digest: a file whose text is the same is taken as compiled
 * (its digest then needs no hashing, nor node:crypto), and a file changed since the build is
 * simply parsed and validated again.
 */
export interface CompiledBuiltin {
  text: string;
  digest: string;
  value: Questionnaire;
}

function compiledBuiltin(id: string, version: string): CompiledBuiltin | undefined {
  const read = readInputFile(
    join(packageRoot(), 'dist', 'questionnaires', `${id}@${version}.json`),
  );
  if (!read.ok) return undefined;
  try {
    return JSON.parse(read.text) as CompiledBuiltin;
  } catch {
    return undefined;
  }
}

/** Every shipped built-in by `id@version`, parsed and validated from its YAML (for the build). */
export function compileBuiltins(): Record<string, CompiledBuiltin> {
  const out: Record<string, CompiledBuiltin> = {};
  for (const [id, versions] of builtinVersions()) {
    for (const version of versions) {
      const file = join(builtinDir(), id, `${version}.yaml`);
      const loaded = unwrap(loadQuestionnaireFile(file));
      out[`${id}@${version}`] = { text: loaded.text, digest: loaded.digest, value: loaded.value };
    }
  }
  return out;
}

let root: string | undefined;

/** The package's root folder (the one holding package.json and questionnaires/). */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!pathExists(join(dir, 'package.json')) || !pathExists(join(dir, 'questionnaires'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the trustcheck package folder');
    dir = parent;
  }
  root = dir;
  return dir;
}

export function builtinDir(): string {
  return join(packageRoot(), 'questionnaires');
}

const SEMVER = new RegExp(SEMVER_PATTERN);

/** Built-in ids and their shipped versions, newest first. */
let versionsCache: Map<string, string[]> | undefined;

export function builtinVersions(): Map<string, string[]> {
  versionsCache ??= readBuiltinVersions();
  return versionsCache;
}

function readBuiltinVersions(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const entry of folderEntries(builtinDir())) {
    if (!entry.folder) continue;
    // a version is a file named after it; meanings.yaml beside them is the record (meanings.ts)
    const versions = folderEntries(join(builtinDir(), entry.name))
      .map((f) => f.name)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .filter((name) => SEMVER.test(name))
      .sort((a, b) => compareVersions(b, a));
    if (versions.length > 0) out.set(entry.name, versions);
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The built-ins an audit or template includes by default, in the order they are asked. */
export function defaultQuestionnaires(): string[] {
  const shipped = [...builtinVersions().keys()];
  const preferred = ['trustability', 'transparantie-apk'].filter((id) => shipped.includes(id));
  return [...preferred, ...shipped.filter((id) => !preferred.includes(id))];
}

const cache = new Map<string, LoadedQuestionnaire>();

function loadBuiltin(id: string, version: string): LoadedQuestionnaire {
  const file = join(builtinDir(), id, `${version}.yaml`);
  const cached = cache.get(file);
  if (cached !== undefined) return cached;
  let loaded: LoadedQuestionnaire | undefined;
  const built = compiledBuiltin(id, version);
  // unreadable: the loader below says why
  if (built !== undefined && readText(file) === built.text) {
    loaded = { value: built.value, digest: built.digest, file, builtin: true };
  }
  if (loaded === undefined) {
    // changed since the build: parsed and validated again (a loaded file's digest is a getter,
    // so it is taken by name, not spread)
    const { value, digest } = unwrap(loadQuestionnaireFile(file));
    loaded = { value, digest, file, builtin: true };
  }
  cache.set(file, loaded);
  return loaded;
}

/** A file's text, or undefined when it cannot be read. */
function readText(file: string): string | undefined {
  const read = readInputFile(file, 'questionnaire');
  return read.ok ? read.text : undefined;
}

export function isPathRef(ref: string): boolean {
  return ref.includes('/') || ref.includes('\\') || /\.ya?ml$/i.test(ref) || /\.json$/i.test(ref);
}

/** A REF: a built-in id (newest version), `id@version`, or a path to a questionnaire file. */
export function resolveRef(ref: string): Result<LoadedQuestionnaire> {
  if (isPathRef(ref)) {
    const loaded = loadQuestionnaireFile(ref);
    if (!loaded.ok) return loaded;
    const { value, digest } = loaded.value;
    const reserved = reservedIdIssue(loaded.value);
    if (reserved !== undefined) return { ok: false, issues: [reserved], warnings: [] };
    return { ok: true, value: { value, digest, file: ref, builtin: false }, warnings: [] };
  }
  const [id = '', version] = ref.split('@');
  const versions = builtinVersions();
  const shipped = versions.get(id);
  if (shipped === undefined) {
    return refIssue(
      `unknown questionnaire "${id}"${didYouMean(id, versions.keys())}; run \`trustcheck questionnaires list\` to see them, or give the path of a questionnaire file`,
    );
  }
  // id@version names exactly that version (build metadata aside): no other one stands in for it
  const choice = chooseVersion(version, shipped, { fallback: 'none' });
  if (choice.kind !== 'same') {
    return refIssue(
      `questionnaire ${id} has no version ${version}; shipped versions: ${shipped.join(', ')}`,
    );
  }
  return { ok: true, value: loadBuiltin(id, choice.version), warnings: [] };
}

/**
 * A built-in's id names the shipped text: a custom file that claims it must be byte for byte
 * a shipped version, or a questionnaire could pass as "trustability 1.0.0" with one easy check.
 */
export function reservedIdIssue(loaded: Loaded<Questionnaire>): LocatedIssue | undefined {
  const { value, digest } = loaded;
  const shipped = builtinVersions().get(value.id);
  if (shipped === undefined) return undefined;
  if (shipped.some((v) => loadBuiltin(value.id, v).digest === digest)) return undefined;
  return locate(loaded.parsed, {
    path: ['id'],
    message: `"${value.id}" is the id of a built-in questionnaire, and this file is not one of its shipped versions (${shipped.join(', ')}); give your questionnaire an id of its own`,
  });
}

/** A REF that names no questionnaire: the message alone (the REF is in it). */
function refIssue(message: string): Result<never> {
  const issue: LocatedIssue = { file: '', message };
  return { ok: false, issues: [issue], warnings: [] };
}

/**
 * The built-in an answer file pins: that version if shipped (`1.0.0+build` is 1.0.0), else the
 * newest of the same major that means the same, as the questionnaire's meanings record says
 * (with a warning); a major with no shipped version, or none that means the same, is an error
 * listing what is shipped. The version is chosen by the core's one rule, `chooseVersion`; the
 * record is read only when the pin is not shipped.
 */
export function resolvePinned(
  id: string,
  version: string | undefined,
):
  | { loaded: LoadedQuestionnaire; warning?: string }
  | {
      error: string;
      /** what is wrong: the questionnaire id, or its version */ field: 'id' | 'version';
    } {
  const versions = builtinVersions();
  const shipped = versions.get(id);
  if (shipped === undefined) {
    return {
      field: 'id',
      error: `unknown questionnaire "${id}"${didYouMean(id, versions.keys()).replace(/; expected one of: .*/, '') || `; built-in questionnaires: ${[...versions.keys()].join(', ')}`}`,
    };
  }
  const choice = chooseVersion(version, shipped, { fallback: 'none' });
  if (choice.kind === 'same') return { loaded: loadBuiltin(id, choice.version) };
  const fallback = fallbackVersion(builtinMeanings(id), shipped, version ?? '');
  const message = fallbackMessage(id, fallback) ?? '';
  if (fallback.kind === 'fallback' || fallback.kind === 'exact') {
    return { loaded: loadBuiltin(id, fallback.version), warning: message };
  }
  return { field: 'version', error: message };
}

/** The name of a built-in's meanings record, beside its `<version>.yaml` files. */
export const MEANINGS_FILE = 'meanings.yaml';

const records = new Map<string, Meanings | undefined>();

/**
 * The meanings record of a built-in (which statements kept their meaning from one version to
 * the next), as the build compiled it; one whose YAML changed since the build is read and
 * checked again. Undefined for a questionnaire that is not built in: without a record, a
 * statement keeps its id and its meaning (what the version rule promises).
 */
export function builtinMeanings(id: string): Meanings | undefined {
  if (records.has(id)) return records.get(id);
  let record: Meanings | undefined;
  if (builtinVersions().has(id)) {
    const file = join(builtinDir(), id, MEANINGS_FILE);
    const text = readText(file);
    if (text !== undefined) {
      const built = readInputFile(
        join(packageRoot(), 'dist', 'questionnaires', `${id}.meanings.json`),
      );
      let compiled: { text: string; value: Meanings } | undefined;
      try {
        compiled = built.ok ? (JSON.parse(built.text) as typeof compiled) : undefined;
      } catch {
        compiled = undefined;
      }
      record = compiled?.text === text ? compiled.value : parseMeaningsText(text, file);
    }
  }
  records.set(id, record);
  return record;
}

/** A record's text read with positions and checked against its schema. */
function parseMeaningsText(text: string, file: string): Meanings {
  const document = parseDocument(text, file, { fast: false });
  if (!document.ok) throw TrustcheckError.fromIssues(document.issues);
  const issues = schemaIssues(validators.meanings, document.parsed.value);
  if (issues.length > 0) {
    throw TrustcheckError.fromIssues(sortIssues(issues.map((i) => locate(document.parsed, i))));
  }
  return document.parsed.value as Meanings;
}
