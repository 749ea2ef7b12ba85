// Semantic versions (core/semver.ts): precedence with pre-releases and build metadata, checked
// on the SemVer 2.0.0 text's own examples and against the semver package (npm's parser) on any
// version; and the one rule for which version of a questionnaire a request gets.
import fc from 'fast-check';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { chooseVersion, compareVersions, majorOf, sameVersion } from '../../src/core/semver.js';

const sign = (n: number) => Math.sign(n);

describe('compareVersions', () => {
  it('orders the examples of SemVer 2.0.0 §11', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
      '10.0.0',
    ];
    for (let i = 0; i < ordered.length; i++) {
      for (let j = 0; j < ordered.length; j++) {
        expect(sign(compareVersions(ordered[i]!, ordered[j]!)), `${ordered[i]} ${ordered[j]}`).toBe(
          sign(i - j),
        );
      }
    }
  });

  it('ignores build metadata', () => {
    expect(compareVersions('1.0.0+build', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0+20130313144700', '1.0.0+exp.sha.5114f85')).toBe(0);
    expect(compareVersions('1.0.0-alpha+001', '1.0.0-alpha')).toBe(0);
    expect(compareVersions('1.0.0+build', '1.1.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0-beta+exp.sha.5114f85', '1.0.0')).toBeLessThan(0);
  });

  it('compares numbers of any length exactly', () => {
    expect(compareVersions('1.0.99999999999999999999', '1.0.99999999999999999998')).toBe(1);
    expect(compareVersions('1.0.0-99999999999999999999', '1.0.0-99999999999999999998')).toBe(1);
  });

  it('agrees with the semver package on any two versions (property)', () => {
    // the semver package takes numbers up to 2^53 - 1 (the test above goes beyond)
    const number = fc.oneof(
      fc.constantFrom('0', '1', '2', '9', '10', '11'),
      fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }).map(String),
    );
    const identifier = fc.oneof(
      number,
      fc.stringMatching(/^[0-9A-Za-z-]{1,6}$/).filter((s) => !/^0\d/.test(s)),
    );
    const version = fc
      .tuple(
        number,
        number,
        number,
        fc.array(identifier, { maxLength: 3 }),
        fc.array(fc.stringMatching(/^[0-9A-Za-z-]{1,6}$/), { maxLength: 2 }),
      )
      .map(
        ([a, b, c, pre, build]) =>
          `${a}.${b}.${c}${pre.length ? `-${pre.join('.')}` : ''}${build.length ? `+${build.join('.')}` : ''}`,
      );
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(semver.valid(a)).not.toBeNull();
        expect(sign(compareVersions(a, b))).toBe(semver.compare(a, b));
        expect(sameVersion(a, b)).toBe(semver.eq(a, b));
        expect(majorOf(a)).toBe(Number(a.split('.')[0]));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sameVersion', () => {
  it('is the same version, build metadata aside; only for versions', () => {
    expect(sameVersion('1.0.0+build', '1.0.0')).toBe(true);
    expect(sameVersion('1.0.0+build.7', '1.0.0+ci')).toBe(true);
    expect(sameVersion('1.0.0-rc.1+build', '1.0.0-rc.1')).toBe(true);
    expect(sameVersion('1.0.0-rc.1', '1.0.0')).toBe(false);
    expect(sameVersion('1.0', '1.0.0')).toBe(false);
    expect(sameVersion('01.0.0', '1.0.0')).toBe(false);
  });
});

describe('chooseVersion', () => {
  const shipped = ['1.0.0', '1.1.0', '3.0.0-rc.1', '2.0.0'];
  const pinned = { fallback: 'same-major' } as const;
  const exact = { fallback: 'none' } as const;

  it('gives the newest when no version is asked for', () => {
    expect(chooseVersion(undefined, shipped, pinned)).toEqual({
      kind: 'same',
      version: '3.0.0-rc.1',
    });
    expect(chooseVersion(undefined, ['1.1.0', '1.0.0', '2.0.0'], pinned)).toEqual({
      kind: 'same',
      version: '2.0.0',
    });
    expect(chooseVersion(undefined, [], pinned)).toEqual({ kind: 'none' });
  });

  it('gives the version asked for, build metadata aside: never another one silently', () => {
    expect(chooseVersion('1.0.0', shipped, pinned)).toEqual({ kind: 'same', version: '1.0.0' });
    expect(chooseVersion('1.0.0+build', shipped, pinned)).toEqual({
      kind: 'same',
      version: '1.0.0',
    });
    expect(chooseVersion('1.0.0+build', shipped, exact)).toEqual({
      kind: 'same',
      version: '1.0.0',
    });
    expect(chooseVersion('3.0.0-rc.1', shipped, exact)).toEqual({
      kind: 'same',
      version: '3.0.0-rc.1',
    });
  });

  it('falls back to the newest of the same major only where the rule allows, and says so', () => {
    expect(chooseVersion('1.0.5', shipped, pinned)).toEqual({ kind: 'fallback', version: '1.1.0' });
    expect(chooseVersion('1.0.5+build', shipped, pinned)).toEqual({
      kind: 'fallback',
      version: '1.1.0',
    });
    expect(chooseVersion('1.0.5', shipped, exact)).toEqual({ kind: 'none' });
    expect(chooseVersion('4.0.0', shipped, pinned)).toEqual({ kind: 'none' });
    expect(chooseVersion('2.5.0', shipped, pinned)).toEqual({ kind: 'fallback', version: '2.0.0' });
    expect(chooseVersion('1.0', shipped, exact)).toEqual({ kind: 'none' });
  });
});
