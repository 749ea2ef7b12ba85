// The meanings record beside the built-ins: its format and checks, what it answers (same
// meaning or not, under which id, which version a pin falls back to), and the shipped records
// themselves, which must agree with the shipped questionnaire files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compileMeanings, loadMeaningsFile } from '../../src/app/meanings.js';
import { builtinVersions } from '../../src/app/registry.js';
import { formatIssue } from '../../src/core/issues.js';
import {
  checkMeaningsAgainst,
  fallbackMessage,
  fallbackVersion,
  meaningMap,
  sameMeaning,
  traceStatement,
  type Meanings,
  type StatementKey,
} from '../../src/core/meanings.js';
import { parseMeanings, versionRuleBreaks } from '../../src/core/meanings-record.js';
import type { Questionnaire } from '../../src/core/model.js';
import { builtin, builtins, shippedRecord } from '../support/shipped.js';

const root = join(import.meta.dirname, '..', '..');
const versionsOf = (id: string): Questionnaire[] => builtins.filter((q) => q.id === id);

const apk = shippedRecord('transparantie-apk');
const trustability = shippedRecord('trustability');

const key = (section: string, statement: string): StatementKey => ({ section, statement });
const text = (k: StatementKey): string => `${k.section}.${k.statement}`;

describe('the shipped records', () => {
  it('exist for every built-in, and agree with every shipped version', () => {
    expect(Object.keys(compileMeanings(builtins)).sort()).toEqual([...builtinVersions().keys()]);
    expect(checkMeaningsAgainst(apk, versionsOf('transparantie-apk'))).toEqual([]);
    expect(checkMeaningsAgainst(trustability, versionsOf('trustability'))).toEqual([]);
  });

  it('validate against the published JSON Schema, as an editor checks them', () => {
    const schema = JSON.parse(
      readFileSync(join(root, 'schemas', 'meanings.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const id of ['transparantie-apk', 'trustability']) {
      const data = parse(
        readFileSync(join(root, 'questionnaires', id, 'meanings.yaml'), 'utf8'),
      ) as unknown;
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
    expect(validate({ format: 'trustcheck-meanings/1', questionnaire: 'x', versions: [] })).toBe(
      false,
    );
  });

  it('say that transparantie-apk 1.1.0 removed one statement and re-meant two, against the rule', () => {
    const v110 = apk.versions.find((v) => v.version === '1.1.0')!;
    expect(v110.change).toBe('meaning');
    expect(v110.removed?.map(text)).toEqual(['reputation-and-social-proof.trust-earned-first']);
    expect(v110.remeant?.map(text)).toEqual([
      'proactive-warnings.mistake-proof-offering',
      'promise-and-deliver.deliver-what-you-promise',
    ]);
    expect(versionRuleBreaks(apk)).toEqual([
      { version: '1.1.0', change: 'meaning', shouldHaveBeen: '2.0.0' },
    ]);
    expect(v110.note).toMatch(/2\.0\.0/);
  });

  it('say that trustability 1.1.0 and 1.1.1 changed wording only', () => {
    expect(trustability.versions.map((v) => [v.version, v.change])).toEqual([
      ['1.0.0', 'first'],
      ['1.1.0', 'wording'],
      ['1.1.1', 'wording'],
    ]);
    expect(versionRuleBreaks(trustability)).toEqual([]);
  });
});

describe('sameMeaning and traceStatement', () => {
  it('between 1.0.0 and 1.1.0, the re-meant statements are not the same (either way)', () => {
    for (const [from, to] of [
      ['1.0.0', '1.1.0'],
      ['1.1.0', '1.0.0'],
      ['1.0.0', '2.0.0'],
    ] as const) {
      expect(sameMeaning(apk, key('proactive-warnings', 'mistake-proof-offering'), from, to)).toBe(
        false,
      );
      expect(
        sameMeaning(apk, key('promise-and-deliver', 'deliver-what-you-promise'), from, to),
      ).toBe(false);
    }
    expect(
      traceStatement(apk, key('proactive-warnings', 'mistake-proof-offering'), '1.0.0', '1.1.0'),
    ).toEqual({ kind: 'remeant', version: '1.1.0' });
    expect(
      traceStatement(
        apk,
        key('reputation-and-social-proof', 'trust-earned-first'),
        '1.0.0',
        '2.0.0',
      ),
    ).toEqual({ kind: 'removed', version: '1.1.0' });
    expect(sameMeaning(apk, key('admit-mistakes', 'say-sorry'), '1.0.0', '2.0.0')).toBe(true);
  });

  it('follows a statement through a new id and a move, in both directions', () => {
    expect(
      traceStatement(apk, key('proactive-warnings', 'mistake-proof-offering'), '1.1.0', '2.0.0'),
    ).toEqual({ kind: 'kept', key: key('proactive-warnings', 'customers-cannot-make-mistakes') });
    expect(
      traceStatement(
        apk,
        key('proactive-warnings', 'customers-cannot-make-mistakes'),
        '2.0.0',
        '1.1.0',
      ),
    ).toEqual({ kind: 'kept', key: key('proactive-warnings', 'mistake-proof-offering') });
    // the new id carries 1.1.0's meaning, which 1.0.0 did not have
    expect(
      traceStatement(
        apk,
        key('proactive-warnings', 'customers-cannot-make-mistakes'),
        '2.0.0',
        '1.0.0',
      ),
    ).toEqual({ kind: 'remeant', version: '1.1.0' });
    expect(
      traceStatement(
        apk,
        key('reputation-and-social-proof', 'interest-over-turnover'),
        '1.1.0',
        '2.0.0',
      ),
    ).toEqual({ kind: 'kept', key: key('no-profit-from-inattention', 'interest-over-turnover') });
    expect(
      traceStatement(
        apk,
        key('no-profit-from-inattention', 'interest-over-turnover'),
        '2.0.0',
        '1.0.0',
      ),
    ).toEqual({ kind: 'added', version: '1.1.0' });
    // moved: same meaning, but not under the same key
    expect(
      sameMeaning(
        apk,
        key('reputation-and-social-proof', 'interest-over-turnover'),
        '1.1.0',
        '2.0.0',
      ),
    ).toBe(false);
  });

  it('without a record, a statement keeps its id and meaning (the version rule)', () => {
    expect(traceStatement(undefined, key('a', 'b'), '1.0.0', '3.0.0')).toEqual({
      kind: 'kept',
      key: key('a', 'b'),
    });
    expect(sameMeaning(undefined, key('a', 'b'), '1.0.0', '3.0.0')).toBe(true);
  });
});

describe('meaningMap', () => {
  const summary = (from: string, to: string, withRecord = true) => {
    const map = meaningMap(
      withRecord ? apk : undefined,
      builtin('transparantie-apk', from),
      builtin('transparantie-apk', to),
    );
    return {
      moved: map.kept
        .filter((k) => text(k.from) !== text(k.to))
        .map((k) => `${text(k.from)} -> ${text(k.to)}`),
      same: map.kept.filter((k) => text(k.from) === text(k.to)).length,
      gone: map.gone.map((g) => `${text(g.key)} ${g.kind} ${g.version ?? ''}`.trim()),
      added: map.added.map(text),
    };
  };

  it('1.0.0 to 2.0.0: the re-meant and removed statements are gone, their successors new', () => {
    expect(summary('1.0.0', '2.0.0')).toEqual({
      moved: [],
      same: 15,
      gone: [
        'proactive-warnings.mistake-proof-offering remeant 1.1.0',
        'promise-and-deliver.deliver-what-you-promise remeant 1.1.0',
        'reputation-and-social-proof.trust-earned-first removed 1.1.0',
      ],
      added: [
        'proactive-warnings.customers-cannot-make-mistakes',
        'no-profit-from-inattention.interest-over-turnover',
        'promise-and-deliver.promises-kept',
      ],
    });
  });

  it('1.1.0 to 2.0.0: the renamed and moved statements keep their answers', () => {
    expect(summary('1.1.0', '2.0.0')).toEqual({
      moved: [
        'proactive-warnings.mistake-proof-offering -> proactive-warnings.customers-cannot-make-mistakes',
        'promise-and-deliver.deliver-what-you-promise -> promise-and-deliver.promises-kept',
        'reputation-and-social-proof.interest-over-turnover -> no-profit-from-inattention.interest-over-turnover',
      ],
      same: 15,
      gone: ['no-profit-from-inattention.prices-clear-up-front removed 2.0.0'],
      added: [],
    });
  });

  it('2.0.0 back to 1.0.0 is the mirror image', () => {
    expect(summary('2.0.0', '1.0.0')).toEqual({
      moved: [],
      same: 15,
      gone: [
        'proactive-warnings.customers-cannot-make-mistakes remeant 1.1.0',
        'no-profit-from-inattention.interest-over-turnover added 1.1.0',
        'promise-and-deliver.promises-kept remeant 1.1.0',
      ],
      added: [
        'proactive-warnings.mistake-proof-offering',
        'promise-and-deliver.deliver-what-you-promise',
        'reputation-and-social-proof.trust-earned-first',
      ],
    });
  });

  it('without a record, pairs statements by key only', () => {
    const map = summary('1.0.0', '1.1.0', false);
    expect(map.gone).toEqual(['reputation-and-social-proof.trust-earned-first missing']);
    expect(map.same).toBe(17);
  });

  it('trustability keeps every statement from 1.0.0 to 1.1.1', () => {
    const map = meaningMap(
      trustability,
      builtin('trustability', '1.0.0'),
      builtin('trustability', '1.1.1'),
    );
    expect(map.kept).toHaveLength(18);
    expect(map.kept.every((k) => text(k.from) === text(k.to))).toBe(true);
    expect([map.gone, map.added]).toEqual([[], []]);
  });
});

describe('fallbackVersion', () => {
  const apkShipped = builtinVersions().get('transparantie-apk')!;
  const trustabilityShipped = builtinVersions().get('trustability')!;

  it.each([
    ['1.0.0', { kind: 'exact', version: '1.0.0' }],
    ['1.0.0+build.7', { kind: 'exact', version: '1.0.0' }],
    // 1.1.0 re-meant statements: an unshipped 1.0.x means what 1.0.0 means
    ['1.0.1', { kind: 'fallback', version: '1.0.0', pin: '1.0.1' }],
    ['1.0.9', { kind: 'fallback', version: '1.0.0', pin: '1.0.9' }],
    ['1.1.4', { kind: 'fallback', version: '1.1.0', pin: '1.1.4' }],
    ['1.2.0', { kind: 'fallback', version: '1.1.0', pin: '1.2.0' }],
    ['2.0.1', { kind: 'fallback', version: '2.0.0', pin: '2.0.1' }],
    ['3.0.0', { kind: 'no-major', pin: '3.0.0', shipped: ['2.0.0', '1.1.0', '1.0.0'] }],
    ['0.9.0', { kind: 'no-major', pin: '0.9.0', shipped: ['2.0.0', '1.1.0', '1.0.0'] }],
    // before the first recorded version nothing is known: no fallback
    [
      '1.0.0-rc.1',
      {
        kind: 'meaning-changed',
        pin: '1.0.0-rc.1',
        shipped: ['2.0.0', '1.1.0', '1.0.0'],
        changedIn: ['1.0.0', '1.1.0'],
      },
    ],
  ])('transparantie-apk %s', (pin, expected) => {
    expect(fallbackVersion(apk, apkShipped, pin)).toEqual(expected);
  });

  it('trustability: wording versions mean the same, so a 1.0.x pin reads the newest 1.x', () => {
    expect(fallbackVersion(trustability, trustabilityShipped, '1.0.3')).toEqual({
      kind: 'fallback',
      version: '1.1.1',
      pin: '1.0.3',
    });
  });

  it('a major whose every shipped version changed meanings is an error naming the versions', () => {
    const shipped = ['1.1.0'];
    const result = fallbackVersion(apk, shipped, '1.0.2');
    expect(result).toEqual({
      kind: 'meaning-changed',
      pin: '1.0.2',
      shipped: ['1.1.0'],
      changedIn: ['1.1.0'],
    });
    expect(fallbackMessage('transparantie-apk', result)).toBe(
      'these answers were given against transparantie-apk 1.0.2, which is not shipped, and no shipped version gives its statements the same meanings (shipped: 1.1.0; meanings changed in 1.1.0); what they meant is not known, so answer the questionnaire again with `trustcheck init -q transparantie-apk`, or use a trustcheck release that ships transparantie-apk@1.0.2',
    );
  });

  it('messages name the versions', () => {
    expect(fallbackMessage('transparantie-apk', fallbackVersion(apk, apkShipped, '1.0.1'))).toBe(
      'transparantie-apk 1.0.1 is not shipped; using 1.0.0, which gives every statement the same meaning',
    );
    expect(fallbackMessage('transparantie-apk', fallbackVersion(apk, apkShipped, '3.0.0'))).toBe(
      'these answers were given against transparantie-apk 3.0.0, but no version 3.x is shipped (shipped: 2.0.0, 1.1.0, 1.0.0); answer the questionnaire again with `trustcheck init -q transparantie-apk`, or use a trustcheck release that ships transparantie-apk@3.0.0',
    );
    expect(fallbackMessage('x', { kind: 'exact', version: '1.0.0' })).toBeUndefined();
  });

  it('without a record: the newest shipped version of the same major, as before', () => {
    expect(fallbackVersion(undefined, apkShipped, '1.0.1')).toEqual({
      kind: 'fallback',
      version: '1.1.0',
      pin: '1.0.1',
    });
  });
});

describe('parseMeanings: what a record must be', () => {
  const base = (versions: unknown[]): unknown => ({
    format: 'trustcheck-meanings/1',
    questionnaire: 'q',
    versions,
  });
  const first = { version: '1.0.0', change: 'first' };
  const k = (section: string, statement: string) => ({ section, statement });
  const messages = (data: unknown): string[] => {
    const parsed = parseMeanings(data);
    return parsed.ok
      ? []
      : parsed.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '/'}: ${i.message}`);
  };

  it.each<[string, unknown, string[]]>([
    [
      'another format',
      { format: 'trustcheck-meanings/2', questionnaire: 'q', versions: [first] },
      ['format: "format" must be "trustcheck-meanings/1"'],
    ],
    ['no versions', base([]), ['versions: "versions" must not be empty']],
    [
      'a missing field',
      { format: 'trustcheck-meanings/1', versions: [first] },
      ['/: missing "questionnaire"; add `questionnaire: …` here'],
    ],
    [
      'a version without its number',
      base([{ change: 'first' }]),
      ['versions.0: missing "version"; add `version: …` here'],
    ],
    [
      'a list that is not one',
      base([first, { version: '2.0.0', change: 'meaning', removed: 'trust-earned-first' }]),
      [
        'versions.1.removed: "removed" must be a list of statements, each { section: …, statement: … }',
      ],
    ],
    ['not a record at all', 'hello', ['/: the record must be an object']],
    [
      'an unknown field',
      base([{ ...first, removd: [] }]),
      [
        'versions.0.removd: unknown field "removd"; a record has format, questionnaire and versions, and a version has version, change, note, added, removed, remeant, moved and renamed',
      ],
    ],
    [
      'a version that is not semver',
      base([{ version: '1.0', change: 'first' }]),
      ['versions.0.version: "version" must be a semantic version, such as 2.0.0'],
    ],
    [
      'an id that is not kebab-case',
      base([first, { version: '1.0.1', change: 'meaning', removed: [k('A', 'b')] }]),
      [
        'versions.1.removed.0.section: "section" must be a kebab-case id (lower-case letters, digits and single hyphens)',
      ],
    ],
    [
      'an unknown change',
      base([first, { version: '1.0.1', change: 'typo' }]),
      ['versions.1.change: "change" must be "first" or "wording" or "added" or "meaning"'],
    ],
    [
      'versions out of order',
      base([
        first,
        { version: '1.2.0', change: 'wording' },
        { version: '1.1.0', change: 'wording' },
      ]),
      [
        'versions.2.version: version 1.1.0 comes after 1.2.0; list the versions oldest first, each once',
      ],
    ],
    [
      'a version twice (build metadata names the same version)',
      base([first, { version: '1.0.0+b', change: 'wording' }]),
      [
        'versions.1.version: version 1.0.0+b comes after 1.0.0; list the versions oldest first, each once',
      ],
    ],
    [
      'an oldest version that is not "first"',
      base([{ version: '1.0.0', change: 'wording' }]),
      [
        'versions.0.change: the oldest version, 1.0.0, has nothing before it: its change is "first"',
      ],
    ],
    [
      'a later "first"',
      base([first, { version: '1.0.1', change: 'first' }]),
      [
        'versions.1.change: only the oldest version is "first"; say what 1.0.1 changed since 1.0.0: wording, added or meaning',
      ],
    ],
    [
      'a wording version that lists statements',
      base([first, { version: '1.0.1', change: 'wording', added: [k('s', 'a')] }]),
      [
        'versions.1.change: a "wording" version lists no statements, but 1.0.1 lists added; its change is "added" or "meaning"',
      ],
    ],
    [
      'an "added" version that removes',
      base([first, { version: '1.1.0', change: 'added', removed: [k('s', 'a')] }]),
      ['versions.1.change: 1.1.0 lists removed: its change is "meaning", not "added"'],
    ],
    [
      'a "meaning" version that lists nothing of meaning',
      base([first, { version: '2.0.0', change: 'meaning', added: [k('s', 'a')] }]),
      [
        'versions.1.change: a "meaning" version lists what it removed, re-meant, moved or renamed; 2.0.0 lists none of these (is its change "added" or "wording"?)',
      ],
    ],
    [
      'a move that changes the id',
      base([
        first,
        { version: '2.0.0', change: 'meaning', moved: [{ from: k('s', 'a'), to: k('t', 'b') }] },
      ]),
      [
        'versions.1.moved.0.to.statement: a moved statement keeps its id: s.a moves to t.a; a new id goes under "renamed"',
      ],
    ],
    [
      'a rename that keeps the id',
      base([
        first,
        { version: '2.0.0', change: 'meaning', renamed: [{ from: k('s', 'a'), to: k('t', 'a') }] },
      ]),
      [
        'versions.1.renamed.0.to.statement: s.a keeps its id: a renamed statement gets a new one (a statement that only changes section goes under "moved")',
      ],
    ],
    [
      'a statement named twice',
      base([
        first,
        { version: '2.0.0', change: 'meaning', removed: [k('s', 'a')], remeant: [k('s', 'a')] },
      ]),
      [
        'versions.1.remeant.0: s.a is named twice in 2.0.0; a statement is removed, re-meant, moved or renamed once',
      ],
    ],
    [
      'removed and added under the same id',
      base([
        first,
        { version: '2.0.0', change: 'meaning', removed: [k('s', 'a')], added: [k('s', 'a')] },
      ]),
      [
        'versions.1.added.0: s.a leaves and arrives in 2.0.0: a statement whose meaning changed keeps its place under "remeant", or gets a new id',
      ],
    ],
    [
      'a retired id used again',
      base([
        first,
        { version: '2.0.0', change: 'meaning', removed: [k('s', 'a')] },
        { version: '2.1.0', change: 'added', added: [k('s', 'a')] },
      ]),
      [
        'versions.2.added.0: s.a was removed or renamed in 2.0.0; an id once retired is never used again, so give this statement a new id',
      ],
    ],
    [
      'a meaning change numbered as a minor version, without a note',
      base([first, { version: '1.1.0', change: 'meaning', remeant: [k('s', 'a')] }]),
      [
        'versions.1.change: 1.1.0 removes or re-means statements, which by the version rule calls for 2.0.0 at least (a new major version); a shipped version keeps its number, so say why in a "note"',
      ],
    ],
    [
      'new statements numbered as a patch, without a note',
      base([first, { version: '1.0.1', change: 'added', added: [k('s', 'a')] }]),
      [
        'versions.1.change: 1.0.1 adds statements, which by the version rule calls for 1.1.0 at least (a new minor version); a shipped version keeps its number, so say why in a "note"',
      ],
    ],
  ])('refuses %s', (_, data, expected) => {
    expect(messages(data)).toEqual(expected);
  });

  it('accepts a statement moved away and back, a rule break with a note, and 0.x minors', () => {
    expect(
      messages(
        base([
          first,
          { version: '2.0.0', change: 'meaning', moved: [{ from: k('s', 'a'), to: k('t', 'a') }] },
          { version: '3.0.0', change: 'meaning', moved: [{ from: k('t', 'a'), to: k('s', 'a') }] },
          {
            version: '3.0.1',
            change: 'meaning',
            note: 'shipped so by mistake',
            remeant: [k('s', 'a')],
          },
        ]),
      ),
    ).toEqual([]);
    expect(
      messages(
        base([
          { version: '0.1.0', change: 'first' },
          { version: '0.2.0', change: 'meaning', removed: [k('s', 'a')] },
        ]),
      ),
    ).toEqual([]);
  });
});

describe('checkMeaningsAgainst: a record must say what the files show', () => {
  const messages = (r: Meanings, versions: Questionnaire[]): string[] =>
    checkMeaningsAgainst(r, versions).map((i) => `${i.path.join('.')}: ${i.message}`);

  it('names a shipped version the record lacks, and a listed one that is not shipped', () => {
    const short: Meanings = { ...apk, versions: apk.versions.slice(0, 2) };
    expect(messages(short, versionsOf('transparantie-apk'))).toEqual([
      'versions: transparantie-apk 2.0.0 is shipped but not in the record; add it with what it changed',
    ]);
    expect(messages(apk, versionsOf('transparantie-apk').slice(1))).toEqual([
      `versions.${apk.versions.findIndex(
        (v) =>
          !versionsOf('transparantie-apk')
            .slice(1)
            .some((q) => q.version === v.version),
      )}.version: transparantie-apk ${versionsOf('transparantie-apk')[0]!.version} is not shipped; the record lists shipped versions only`,
    ]);
  });

  it('names a statement that left or arrived unrecorded, and a recorded one the files contradict', () => {
    const v110 = apk.versions[1]!;
    const wrong: Meanings = {
      ...apk,
      versions: [
        apk.versions[0]!,
        {
          ...v110,
          removed: [],
          remeant: [...(v110.remeant ?? []), key('admit-mistakes', 'no-such-statement')],
          added: [key('admit-mistakes', 'say-sorry'), ...(v110.added ?? [])],
        },
        apk.versions[2]!,
      ],
    };
    expect(messages(wrong, versionsOf('transparantie-apk'))).toEqual([
      'versions.1.added.0: admit-mistakes.say-sorry is already in 1.0.0; a statement whose meaning changed under the same id goes under "remeant"',
      'versions.1.remeant.2: a re-meant statement keeps its id, but admit-mistakes.no-such-statement is not in both 1.0.0 and 1.1.0',
      'versions.1.version: reputation-and-social-proof.trust-earned-first is in 1.0.0 but not in 1.1.0; list it under "removed", "moved" or "renamed"',
    ]);
  });
});

describe('loadMeaningsFile: problems with their place in the file', () => {
  const dir = join(root, 'tests', 'fixtures', 'meanings', 'invalid');
  it.each([
    [
      'unknown-field.yaml',
      [
        '6:5: unknown field "removd"; a record has format, questionnaire and versions, and a version has version, change, note, added, removed, remeant, moved and renamed',
      ],
    ],
    [
      'out-of-order.yaml',
      ['8:14: version 1.1.0 comes after 1.1.1; list the versions oldest first, each once'],
    ],
    [
      'rule-broken-without-note.yaml',
      [
        '8:13: 1.1.0 removes or re-means statements, which by the version rule calls for 2.0.0 at least (a new major version); a shipped version keeps its number, so say why in a "note"',
      ],
    ],
    [
      'disagrees-with-files.yaml',
      [
        '5:3: transparantie-apk 2.0.0 is shipped but not in the record; add it with what it changed',
        '7:14: reputation-and-social-proof.trust-earned-first is in 1.0.0 but not in 1.1.0; list it under "removed", "moved" or "renamed"',
        '7:14: no-profit-from-inattention.prices-clear-up-front is new in 1.1.0; list it under "added", "moved" or "renamed"',
        '7:14: reputation-and-social-proof.interest-over-turnover is new in 1.1.0; list it under "added", "moved" or "renamed"',
        '13:9: a re-meant statement keeps its id, but admit-mistakes.say-sorry-twice is not in both 1.0.0 and 1.1.0',
      ],
    ],
  ])('%s', (name, expected) => {
    const file = join(dir, name);
    const result = loadMeaningsFile(file, versionsOf('transparantie-apk'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => formatIssue(i).slice(file.length + 1))).toEqual(expected);
  });
});
