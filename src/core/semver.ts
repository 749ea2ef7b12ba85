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
  /** Not available: the newest of the same major, which the caller warns about. */
  | { kind: 'fallback'; version: string }
  /** Neither that version nor its major is available. */
  | { kind: 'none' };

export interface VersionRule {
  /**
   * Whether a version that is not available may be answered by the newest of the same major
   * (answers pinned in an answer file), or only by itself (`id@version` on the command line).
   */
  fallback: 'same-major' | 'none';
}

/**
 * The one rule for which version of a questionnaire a request gets, among `available`: none
 * asked for, the newest; else the same version (build metadata aside); else, where
 * the rule allows it, the newest of the same major. Never another version silently: the kind
 * says which it is.
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
  const newest = newestFirst.find((v) => majorOf(v) === major);
  return newest === undefined ? { kind: 'none' } : { kind: 'fallback', version: newest };
}
