// The plan of `trustcheck upgrade` for one questionnaire (core/upgrade.ts): which answers carry
// over to the newest version (same id and meaning, per the meanings record), which are dropped,
// and which statements are new; and, as a property over the record, that no answer ever lands on
// a statement whose meaning differs from the one it was given for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinMeanings } from '../../src/app/registry.js';
import { traceStatement } from '../../src/core/meanings.js';
import type { AnswerFile, Questionnaire } from '../../src/core/model.js';
import { changesAnything, planUpgrade, statementKeys } from '../../src/core/upgrade.js';
import { upgradeLines } from '../../src/core/render/upgrade.js';
import { builtin } from '../support/shipped.js';

const apk = builtinMeanings('transparantie-apk')!;

type Entry = AnswerFile['questionnaires'][string];

/** An entry answering every statement of `q` (or those `keep` says) with `answer`. */
function entryFor(
  q: Questionnaire,
  answer: (section: string, statement: string) => 'yes' | 'no' | null = () => 'yes',
  keep: (section: string, statement: string) => boolean = () => true,
): Entry {
  const answers: Record<string, Record<string, 'yes' | 'no' | null>> = {};
  for (const s of q.sections) {
    answers[s.id] = {};
    for (const st of s.statements) {
      if (keep(s.id, st.id)) answers[s.id]![st.id] = answer(s.id, st.id);
    }
  }
  return { version: q.version, answers };
}

const text = (k: { section: string; statement: string }) => `${k.section}.${k.statement}`;

describe('planUpgrade', () => {
  it('transparantie-apk 1.0.0 to 2.0.0: re-meant and removed statements drop, three are new', () => {
    const from = builtin('transparantie-apk', '1.0.0');
    const plan = planUpgrade(entryFor(from), from, builtin('transparantie-apk', '2.0.0'), apk);
    expect(plan.kept).toHaveLength(15);
    expect(plan.dropped.map((d) => text(d.key))).toEqual([
      'proactive-warnings.mistake-proof-offering',
      'promise-and-deliver.deliver-what-you-promise',
      'reputation-and-social-proof.trust-earned-first',
    ]);
    expect(plan.dropped.every((d) => d.answer === 'yes')).toBe(true);
    expect(plan.added.map(text)).toEqual([
      'proactive-warnings.customers-cannot-make-mistakes',
      'no-profit-from-inattention.interest-over-turnover',
      'promise-and-deliver.promises-kept',
    ]);
    expect(changesAnything(plan)).toBe(true);
  });

  it('1.1.0 to 2.0.0: a moved statement carries its answer; a new id for a changed meaning does not', () => {
    const from = builtin('transparantie-apk', '1.1.0');
    const plan = planUpgrade(entryFor(from), from, builtin('transparantie-apk', '2.0.0'), apk);
    expect(plan.kept).toContainEqual({
      from: { section: 'reputation-and-social-proof', statement: 'interest-over-turnover' },
      to: { section: 'no-profit-from-inattention', statement: 'interest-over-turnover' },
    });
    expect(plan.dropped.map((d) => text(d.key))).toEqual([
      'proactive-warnings.mistake-proof-offering',
      'no-profit-from-inattention.prices-clear-up-front',
      'promise-and-deliver.deliver-what-you-promise',
    ]);
    expect(plan.added.map(text)).toEqual([
      'proactive-warnings.customers-cannot-make-mistakes',
      'promise-and-deliver.promises-kept',
    ]);
  });

  it('a statement missing from the file is neither kept nor dropped; a new one is still new', () => {
    const from = builtin('transparantie-apk', '1.0.0');
    const plan = planUpgrade(
      entryFor(from, undefined, (_, st) => st !== 'say-sorry' && st !== 'trust-earned-first'),
      from,
      builtin('transparantie-apk', '2.0.0'),
      apk,
    );
    expect(plan.kept.map((k) => k.from.statement)).not.toContain('say-sorry');
    expect(plan.dropped.map((d) => d.key.statement)).not.toContain('trust-earned-first');
    expect(plan.added).toHaveLength(3);
  });

  it('the newest already: nothing changes', () => {
    const q = builtin('transparantie-apk', '2.0.0');
    const plan = planUpgrade(entryFor(q), q, q, apk);
    expect(changesAnything(plan)).toBe(false);
    expect(upgradeLines([plan], 'en').map((l) => l.text)).toEqual([
      'Transparency check-up: 2.0.0 is the newest version; nothing to do',
    ]);
  });

  it('trustability 1.0.0 to 1.1.1: wording only, every answer kept', () => {
    const from = builtin('trustability', '1.0.0');
    const plan = planUpgrade(
      entryFor(from),
      from,
      builtin('trustability', '1.1.1'),
      builtinMeanings('trustability'),
    );
    expect([plan.kept.length, plan.dropped, plan.added]).toEqual([18, [], []]);
    expect(upgradeLines([plan], 'en').map((l) => l.text)).toEqual([
      'Trustability test: 1.0.0 → 1.1.1',
      '  every statement kept its id and meaning (new wording)',
      '  18 answers of 18 kept: the statement kept its id and meaning',
    ]);
  });
});

describe('property: an answer only ever carries over to the statement it was given for', () => {
  const versions = apk.versions.map((v) => v.version);
  const pairs = versions.flatMap((from, i) =>
    versions.slice(i + 1).map((to) => [from, to] as const),
  );

  it('over every pair of shipped versions, any answers and any statements left out', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.func(fc.constantFrom('yes' as const, 'no' as const, null)),
        fc.func(fc.boolean()),
        ([fromVersion, toVersion], answer, keep) => {
          const from = builtin('transparantie-apk', fromVersion);
          const to = builtin('transparantie-apk', toVersion);
          const entry = entryFor(
            from,
            (s, st) => answer(s, st),
            (s, st) => keep(s, st),
          );
          const plan = planUpgrade(entry, from, to, apk);
          for (const k of plan.kept) {
            // the same id, and the record says the meaning reached `to` there
            expect(k.to.statement).toBe(k.from.statement);
            expect(traceStatement(apk, k.from, fromVersion, toVersion)).toEqual({
              kind: 'kept',
              key: k.to,
            });
          }
          // every statement of the file is either kept or dropped, once
          const inFile = statementKeys(from).filter((k) => keep(k.section, k.statement));
          expect(plan.kept.length + plan.dropped.length).toBe(inFile.length);
          // a statement of `to` is new exactly when no statement of `from` carries to it
          const carried = new Set(
            statementKeys(from).flatMap((f) => {
              const t = traceStatement(apk, f, fromVersion, toVersion);
              return t.kind === 'kept' && t.key.statement === f.statement ? [text(t.key)] : [];
            }),
          );
          expect(plan.added.map(text)).toEqual(
            statementKeys(to)
              .map(text)
              .filter((k) => !carried.has(k)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
