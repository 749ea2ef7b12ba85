// Semantic versions (semver.org 2.0.0), as much as trustcheck needs: precedence (§11: a
// pre-release comes before its release, numeric identifiers compare as numbers, build metadata
// is ignored), the major version, and whether two versions are the same (`1.0.0+build` is
// 1.0.0). Tested against the semver package, the parser npm uses (tests/pure/semver.test.ts).
import { SEMVER_PATTERN } from './formats.js';

interface Parsed {
  /** major, minor, patch as digit strings (no leading zeros): compared exactly, however long. */
  numbers: [string, string, string];
  prerelease: string[];
}

/**
 * The parts of `version` that order it. A string that is not a SemVer version (which the schemas
 * refuse before it gets here) is read leniently, never with an error.
 */
function parse(version: string): Parsed {
  const withoutBuild = version.split('+')[0]!;
  const dash = withoutBuild.indexOf('-');
  const core = dash === -1 ? withoutBuild : withoutBuild.slice(0, dash);
  const pre = dash === -1 ? '' : withoutBuild.slice(dash + 1);
  const [major = '0', minor = '0', patch = '0'] = core
    .split('.')
    .map((n) => (/^\d+$/.test(n) ? n.replace(/^0+(?=\d)/, '') : '0'));
  return { numbers: [major, minor, patch], prerelease: pre === '' ? [] : pre.split('.') };
}

/** Two digit strings (no leading zeros) as numbers, of any length. */
function compareNumbers(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const NUMERIC = /^\d+$/;

/** Negative when a < b, positive when a > b, 0 when equal in precedence (build metadata aside). */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = compareNumbers(pa.numbers[i]!, pb.numbers[i]!);
    if (d !== 0) return d;
  }
  // a pre-release comes before the release itself
  if (pa.prerelease.length === 0 || pb.prerelease.length === 0) {
    return pb.prerelease.length - pa.prerelease.length;
  }
  for (let i = 0; i < Math.max(pa.prerelease.length, pb.prerelease.length); i++) {
    const x = pa.prerelease[i];
    const y = pb.prerelease[i];
    // more identifiers, all the others equal: later
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = NUMERIC.test(x);
    const ny = NUMERIC.test(y);
    if (nx && ny) {
      const d = compareNumbers(x.replace(/^0+(?=\d)/, ''), y.replace(/^0+(?=\d)/, ''));
      if (d !== 0) return d;
    } else if (nx !== ny) {
      // a numeric identifier comes before an alphanumeric one
      return nx ? -1 : 1;
    } else if (x !== y) {
      // ASCII order
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

const VALID = new RegExp(SEMVER_PATTERN);

/**
 * Whether `a` and `b` name the same version: `1.0.0+build.5` is 1.0.0. Only versions are the
 * same: `1.0` is no version, and so not 1.0.0.
 */
export function sameVersion(a: string, b: string): boolean {
  return VALID.test(a) && VALID.test(b) && compareVersions(a, b) === 0;
}

export function majorOf(version: string): number {
  return Number(parse(version).numbers[0]);
}

/** What a request for a version of a questionnaire is answered with (see `chooseVersion`). */
export type VersionChoice =
  /** The version asked for (or the newest, when none is asked for). */
  | { kind: 'same'; version: string }
  /** Not available: a version of the same major that means the same, which the caller warns about. */
  | { kind: 'fallback'; version: string }
  /** Neither that version nor its major is available (or the rule allows no other version). */
  | { kind: 'none' }
  /**
   * Not available, and every available version of its major changed the meaning of a statement
   * since (or before) it: `changedIn` names the versions that did, oldest first.
   */
  | { kind: 'meaning-changed'; changedIn: string[] };

export interface VersionRule {
  /**
   * Whether a version that is not available may be answered by another of the same major
   * (answers pinned in an answer file), or only by itself (`id@version` on the command line).
   */
  fallback: 'same-major' | 'none';
  /**
   * The versions after `low`, up to and including `high`, that changed what a statement means
   * (removed, re-meant, moved or renamed one), as the questionnaire's meanings record says. A
   * fallback goes only to a version with none of them between it and the version asked for.
   * Without it, every version of a major means the same (what the version rule promises).
   */
  meaningChanges?: ((low: string, high: string) => readonly string[]) | undefined;
}

/**
 * The one rule for which version of a questionnaire a request gets, among `available`: none
 * asked for, the newest; else the same version (build metadata aside); else, where the rule
 * allows it, the newest of the same major that means the same as the version asked for (an
 * unshipped 1.0.x of a questionnaire whose 1.1.0 re-meant a statement gets 1.0.0, never 1.1.0).
 * Never another version silently: the kind says which it is.
 */
export function chooseVersion(
  requested: string | undefined,
  available: readonly string[],
  rule: VersionRule,
): VersionChoice {
  const newestFirst = [...available].sort((a, b) => compareVersions(b, a));
  if (requested === undefined) {
    const newest = newestFirst[0];
    return newest === undefined ? { kind: 'none' } : { kind: 'same', version: newest };
  }
  const same = newestFirst.find((v) => sameVersion(v, requested));
  if (same !== undefined) return { kind: 'same', version: same };
  if (rule.fallback === 'none') return { kind: 'none' };
  const major = majorOf(requested);
  const sameMajor = newestFirst.filter((v) => majorOf(v) === major);
  if (sameMajor.length === 0) return { kind: 'none' };
  const changedIn = new Set<string>();
  for (const version of sameMajor) {
    const [low, high] =
      compareVersions(version, requested) < 0 ? [version, requested] : [requested, version];
    const changes = rule.meaningChanges?.(low, high) ?? [];
    if (changes.length === 0) return { kind: 'fallback', version };
    for (const v of changes) changedIn.add(v);
  }
  return { kind: 'meaning-changed', changedIn: [...changedIn].sort(compareVersions) };
}
