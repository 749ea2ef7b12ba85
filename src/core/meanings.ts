// What a meanings record answers: whether two versions of a questionnaire give a statement the
// same meaning (and under which id), which shipped version an unshipped pin may be read
// against, and whether a record agrees with the versions it describes. Pure, and free of zod:
// run-time code imports only the record's types from meanings-record.ts.
import type { Issue, Path } from './issues.js';
import type { Meanings, MeaningsVersion, StatementKey } from './meanings-record.js';
import type { Questionnaire } from './model.js';
import { chooseVersion, compareVersions, majorOf } from './semver.js';

export type { Meanings, MeaningsVersion, StatementKey } from './meanings-record.js';

const same = (a: StatementKey, b: StatementKey): boolean =>
  a.section === b.section && a.statement === b.statement;

const keyText = (key: StatementKey): string => `${key.section}.${key.statement}`;

const keyId = (key: StatementKey): string => `${key.section}\u0000${key.statement}`;

/** The versions a record lists after `low`, up to and including `high`, oldest first. */
function between(record: Meanings, low: string, high: string): MeaningsVersion[] {
  return record.versions.filter(
    (v) => compareVersions(v.version, low) > 0 && compareVersions(v.version, high) <= 0,
  );
}

/**
 * What became, in version `to`, of the statement `key` of version `from`: kept (its meaning is
 * there, under `key`, which differs when it moved or was renamed), or not there since a version
 * removed it, re-meant it, or (going back to an older version) added it.
 */
export type Trace =
  { kind: 'kept'; key: StatementKey } | { kind: 'removed' | 'remeant' | 'added'; version: string };

/**
 * Follows a statement of version `from` through the record to version `to` (older or newer).
 * It assumes the statement exists in `from`; without a record, a statement keeps its id and
 * meaning (what the version rule promises).
 */
export function traceStatement(
  record: Meanings | undefined,
  key: StatementKey,
  from: string,
  to: string,
): Trace {
  if (record === undefined) return { kind: 'kept', key };
  let current = key;
  if (compareVersions(from, to) <= 0) {
    for (const entry of between(record, from, to)) {
      if (entry.removed?.some((k) => same(k, current))) {
        return { kind: 'removed', version: entry.version };
      }
      if (entry.remeant?.some((k) => same(k, current))) {
        return { kind: 'remeant', version: entry.version };
      }
      const move = [...(entry.moved ?? []), ...(entry.renamed ?? [])].find((m) =>
        same(m.from, current),
      );
      if (move !== undefined) current = move.to;
    }
  } else {
    for (const entry of between(record, to, from).reverse()) {
      if (entry.added?.some((k) => same(k, current))) {
        return { kind: 'added', version: entry.version };
      }
      if (entry.remeant?.some((k) => same(k, current))) {
        return { kind: 'remeant', version: entry.version };
      }
      const move = [...(entry.moved ?? []), ...(entry.renamed ?? [])].find((m) =>
        same(m.to, current),
      );
      if (move !== undefined) current = move.from;
    }
  }
  return { kind: 'kept', key: current };
}

/**
 * Whether versions `from` and `to` give the statement `key` the same meaning under the same
 * key: the one case in which an answer to it in one version counts for the other (a regression
 * or an improvement). A moved or renamed statement keeps its meaning under another key: see
 * `traceStatement` and `meaningMap`.
 */
export function sameMeaning(
  record: Meanings | undefined,
  key: StatementKey,
  from: string,
  to: string,
): boolean {
  const trace = traceStatement(record, key, from, to);
  return trace.kind === 'kept' && same(trace.key, key);
}

/** The statements of two versions of a questionnaire, paired by meaning. */
export interface MeaningMap {
  /** a statement of `from` whose meaning `to` has, and its key there (the same unless moved or renamed) */
  kept: { from: StatementKey; to: StatementKey }[];
  /** a statement of `from` whose meaning `to` does not have, and the version that changed it */
  gone: {
    key: StatementKey;
    kind: 'removed' | 'remeant' | 'added' | 'missing';
    version?: string;
  }[];
  /** a statement of `to` that means nothing `from` has */
  added: StatementKey[];
}

const keysOf = (q: Questionnaire): StatementKey[] =>
  q.sections.flatMap((s) => s.statements.map((st) => ({ section: s.id, statement: st.id })));

/**
 * Every statement of `from` paired with the statement of `to` that means the same, if any; the
 * rest of `to` is new. Versions may go either way. A statement the record keeps but `to` lacks
 * (no record, or one that disagrees with the files) is gone as "missing".
 */
export function meaningMap(
  record: Meanings | undefined,
  from: Questionnaire,
  to: Questionnaire,
): MeaningMap {
  const inTo = new Set(keysOf(to).map(keyId));
  const reached = new Set<string>();
  const map: MeaningMap = { kept: [], gone: [], added: [] };
  for (const key of keysOf(from)) {
    const trace = traceStatement(record, key, from.version, to.version);
    if (trace.kind !== 'kept') {
      map.gone.push({ key, kind: trace.kind, version: trace.version });
    } else if (!inTo.has(keyId(trace.key)) || reached.has(keyId(trace.key))) {
      map.gone.push({ key, kind: 'missing' });
    } else {
      reached.add(keyId(trace.key));
      map.kept.push({ from: key, to: trace.key });
    }
  }
  map.added = keysOf(to).filter((key) => !reached.has(keyId(key)));
  return map;
}

/**
 * The versions of a record after `low`, up to and including `high`, that changed a meaning (or
 * the first one: what came before it is not known), for `chooseVersion`'s rule. Without a record,
 * none: every version of a major means the same.
 */
export function meaningChangesIn(
  record: Meanings | undefined,
): (low: string, high: string) => string[] {
  return (low, high) =>
    record === undefined
      ? []
      : between(record, low, high)
          .filter((v) => v.change === 'meaning' || v.change === 'first')
          .map((v) => v.version);
}

/**
 * The version an answer file pinned to `pin` is read against: the pin itself when it is
 * shipped; otherwise the newest shipped version of the same major that the record shows means
 * the same (no version between the pin and it removed, re-meant, moved or renamed a statement).
 * An unshipped 1.0.x of a questionnaire whose 1.1.0 re-meant statements falls back to 1.0.0,
 * never to 1.1.0. Without a record, the newest shipped version of the same major. The choice is
 * `chooseVersion`'s, the one rule; this names its outcome for the messages below.
 */
export type Fallback =
  | { kind: 'exact'; version: string }
  | { kind: 'fallback'; version: string; pin: string }
  | { kind: 'no-major'; pin: string; shipped: string[] }
  | {
      kind: 'meaning-changed';
      pin: string;
      shipped: string[];
      /** the versions between the pin and each shipped version of its major that changed meanings */
      changedIn: string[];
    };

export function fallbackVersion(
  record: Meanings | undefined,
  shipped: readonly string[],
  pin: string,
): Fallback {
  const choice = chooseVersion(pin, shipped, {
    fallback: 'same-major',
    meaningChanges: meaningChangesIn(record),
  });
  const newestFirst = [...shipped].sort((a, b) => compareVersions(b, a));
  switch (choice.kind) {
    case 'same':
      return { kind: 'exact', version: choice.version };
    case 'fallback':
      return { kind: 'fallback', version: choice.version, pin };
    case 'none':
      return { kind: 'no-major', pin, shipped: newestFirst };
    case 'meaning-changed':
      return { kind: 'meaning-changed', pin, shipped: newestFirst, changedIn: choice.changedIn };
  }
}

/** What to tell the user about a fallback, in English: a warning, an error, or nothing. */
export function fallbackMessage(id: string, result: Fallback): string | undefined {
  switch (result.kind) {
    case 'exact':
      return undefined;
    case 'fallback':
      return `${id} ${result.pin} is not shipped; using ${result.version}, which gives every statement the same meaning`;
    case 'no-major':
      return `these answers were given against ${id} ${result.pin}, but no version ${majorOf(result.pin)}.x is shipped (shipped: ${result.shipped.join(', ')}); answer the questionnaire again with \`trustcheck init -q ${id}\`, or use a trustcheck release that ships ${id}@${result.pin}`;
    case 'meaning-changed':
      return `these answers were given against ${id} ${result.pin}, which is not shipped, and no shipped version gives its statements the same meanings (shipped: ${result.shipped.join(', ')}; meanings changed in ${result.changedIn.join(', ')}); what they meant is not known, so answer the questionnaire again with \`trustcheck init -q ${id}\`, or use a trustcheck release that ships ${id}@${result.pin}`;
  }
}

/**
 * Whether a record agrees with the versions it describes (every shipped version of one
 * questionnaire): one entry per shipped version, and between consecutive versions exactly the
 * statements the files show leaving and arriving, each named in the list that says how.
 */
export function checkMeaningsAgainst(
  record: Meanings,
  versions: readonly Questionnaire[],
): Issue[] {
  const issues: Issue[] = [];
  const byVersion = new Map<string, Questionnaire>();
  for (const q of versions) {
    if (q.id !== record.questionnaire) {
      issues.push({
        path: ['questionnaire'],
        message: `the record is about "${record.questionnaire}", but it was given ${q.id} ${q.version}`,
      });
    }
    byVersion.set(q.version, q);
  }
  const listed = new Set(record.versions.map((v) => v.version));
  for (const q of versions) {
    if (!listed.has(q.version)) {
      issues.push({
        path: ['versions'],
        message: `${q.id} ${q.version} is shipped but not in the record; add it with what it changed`,
      });
    }
  }
  record.versions.forEach((entry, i) => {
    const at = (...rest: (string | number)[]): Path => ['versions', i, ...rest];
    const current = byVersion.get(entry.version);
    if (current === undefined) {
      issues.push({
        path: at('version'),
        message: `${record.questionnaire} ${entry.version} is not shipped; the record lists shipped versions only`,
      });
      return;
    }
    const before = i > 0 ? byVersion.get(record.versions[i - 1]!.version) : undefined;
    if (before === undefined) return; // the first, or one after a version already reported
    const had = new Set(keysOf(before).map(keyId));
    const has = new Set(keysOf(current).map(keyId));
    const text = (key: StatementKey) => keyText(key);
    const leaving: [StatementKey, Path][] = [
      ...(entry.removed ?? []).map((k, j): [StatementKey, Path] => [k, at('removed', j)]),
      ...(entry.moved ?? []).map((m, j): [StatementKey, Path] => [m.from, at('moved', j, 'from')]),
      ...(entry.renamed ?? []).map((m, j): [StatementKey, Path] => [
        m.from,
        at('renamed', j, 'from'),
      ]),
    ];
    const arriving: [StatementKey, Path][] = [
      ...(entry.added ?? []).map((k, j): [StatementKey, Path] => [k, at('added', j)]),
      ...(entry.moved ?? []).map((m, j): [StatementKey, Path] => [m.to, at('moved', j, 'to')]),
      ...(entry.renamed ?? []).map((m, j): [StatementKey, Path] => [m.to, at('renamed', j, 'to')]),
    ];
    const previous = before.version;
    for (const [key, path] of leaving) {
      if (!had.has(keyId(key))) {
        issues.push({ path, message: `${previous} has no statement ${text(key)}` });
      } else if (has.has(keyId(key))) {
        issues.push({
          path,
          message: `${text(key)} is still in ${entry.version}; a statement whose meaning changed under the same id goes under "remeant"`,
        });
      }
    }
    for (const [key, path] of arriving) {
      if (!has.has(keyId(key))) {
        issues.push({ path, message: `${entry.version} has no statement ${text(key)}` });
      } else if (had.has(keyId(key))) {
        issues.push({
          path,
          message: `${text(key)} is already in ${previous}; a statement whose meaning changed under the same id goes under "remeant"`,
        });
      }
    }
    (entry.remeant ?? []).forEach((key, j) => {
      if (!had.has(keyId(key)) || !has.has(keyId(key))) {
        issues.push({
          path: at('remeant', j),
          message: `a re-meant statement keeps its id, but ${text(key)} is not in both ${previous} and ${entry.version}`,
        });
      }
    });
    const named = (keys: [StatementKey, Path][]) => new Set(keys.map(([k]) => keyId(k)));
    const left = named(leaving);
    const arrived = named(arriving);
    for (const key of keysOf(before)) {
      if (!has.has(keyId(key)) && !left.has(keyId(key))) {
        issues.push({
          path: at('version'),
          message: `${text(key)} is in ${previous} but not in ${entry.version}; list it under "removed", "moved" or "renamed"`,
        });
      }
    }
    for (const key of keysOf(current)) {
      if (!had.has(keyId(key)) && !arrived.has(keyId(key))) {
        issues.push({
          path: at('version'),
          message: `${text(key)} is new in ${entry.version}; list it under "added", "moved" or "renamed"`,
        });
      }
    }
  });
  return issues;
}
