// The team audit's core: the combined answer across respondents (all must be true, extended to
// people), the disagreements (those that decide the verdict first), the counts, who left what
// open, the anonymous report, the derivation every reader applies, and the names of the files
// init --respondents writes.
import { describe, expect, it } from 'vitest';
import { combinedAnswer, forgedClaims } from '../../src/core/derive.js';
import type { Report } from '../../src/core/model.js';
import {
  combineTeam,
  disagreements,
  parseRespondent,
  respondentFileNames,
  sameName,
  sameSubject,
  teamCounts,
  unanswered,
  type TeamMember,
} from '../../src/core/team.js';
import { renderMarkdown } from '../../src/core/render/markdown.js';
import { audit } from '../support/report-fixtures.js';

const member = (name: string, overrides: Record<string, unknown>, role?: string): TeamMember => ({
  name,
  role,
  digest: `sha256:${name}`,
  report: audit(overrides),
});

const statement = (report: Report, id: string) =>
  report.questionnaires
    .flatMap((q) => q.sections.flatMap((s) => s.statements))
    .find((s) => s.id === id)!;

describe('the combined answer', () => {
  const date = '2026-11-23';
  const yes = { answer: 'yes' as const, satisfied: true, note: null };
  const no = { answer: 'no' as const, satisfied: false, note: null };
  const na = { answer: 'na' as const, satisfied: true, note: 'No goods sold.' };
  const open = { answer: null, satisfied: false, note: null };

  it('is no when any respondent did not make it true, na when all did and one said na', () => {
    expect(combinedAnswer([yes, yes, yes], date)).toBe('yes');
    expect(combinedAnswer([yes, no, yes], date)).toBe('no');
    expect(combinedAnswer([yes, na], date)).toBe('na');
    expect(combinedAnswer([na, open], date)).toBe('no');
    // an N/A without a note, or one that has ended, does not count
    expect(combinedAnswer([yes, { ...na, note: null }], date)).toBe('no');
    expect(combinedAnswer([yes, { ...na, until: '2026-01-01' }], date)).toBe('no');
    expect(combinedAnswer([], date)).toBe('no');
  });
});

describe('combineTeam', () => {
  const members = [
    member('Anna', {}, 'Sales'),
    member('Bas', { 'warranty-expiry': { answer: 'na', note: 'Services only.' } }),
    member('Chris', { 'renewal-warning': { answer: 'no', note: 'Renews silently.' } }),
  ];
  const report = combineTeam(members, { subject: 'Acme B.V.', anonymous: false });

  it('one no of three fails the statement and its question', () => {
    expect(statement(report, 'renewal-warning')).toMatchObject({ answer: 'no', satisfied: false });
    expect(statement(report, 'warranty-expiry')).toMatchObject({ answer: 'na', satisfied: true });
    expect(report.questionnaires[0]!.sections[0]!.passed).toBe(false);
    expect(report.passed).toBe(false);
    expect(report.totals.statementsSatisfied).toBe(report.totals.statements - 1);
    expect(report.respondents).toEqual([
      { name: 'Anna', role: 'Sales', answers: 'sha256:Anna' },
      { name: 'Bas', role: null, answers: 'sha256:Bas' },
      { name: 'Chris', role: null, answers: 'sha256:Chris' },
    ]);
    expect(statement(report, 'renewal-warning').answers![2]).toEqual({
      respondent: 'Chris',
      answer: 'no',
      satisfied: false,
      note: 'Renews silently.',
      evidence: null,
    });
  });

  it('its verdicts follow from the answers, and an edited combined answer does not', () => {
    expect(forgedClaims(report)).toEqual([]);
    const edited = structuredClone(report);
    statement(edited, 'renewal-warning').answers![2]!.answer = 'yes';
    const claims = forgedClaims(edited);
    expect(claims.map((c) => c.field)).toEqual(
      expect.arrayContaining(['answers[2].satisfied', 'answer', 'satisfied', 'passed']),
    );
  });

  it('lists the disagreements that decide the verdict first, and counts', () => {
    expect(disagreements(report).map((d) => [d.statement.id, d.changesVerdict])).toEqual([
      ['renewal-warning', true],
      ['warranty-expiry', false],
    ]);
    expect(teamCounts(report)).toEqual({
      respondents: 3,
      agreedTrue: report.totals.statements - 2,
      agreedNotTrue: 0,
      disagreed: 2,
    });
  });

  it('says who left what open', () => {
    const open = combineTeam(
      [members[0]!, member('Dora', { 'upgrade-eligibility': { answer: null } })],
      {
        subject: 'Acme B.V.',
        anonymous: false,
      },
    );
    expect(unanswered(open).map((o) => [o.respondent, o.statements.map((s) => s.id)])).toEqual([
      ['Dora', ['upgrade-eligibility']],
    ]);
  });

  it('under anonymous, names nobody and attributes no note', () => {
    const anonymous = combineTeam(members, { subject: 'Acme B.V.', anonymous: true });
    const text = JSON.stringify(anonymous) + renderMarkdown(anonymous);
    // as words: `doneSinceBaseline`, a key of the report, holds "Bas"
    for (const word of ['Anna', 'Bas', 'Chris', 'Sales', 'sha256:Anna']) {
      expect(text).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
    expect(anonymous.respondents!.map((r) => r.name)).toEqual([
      'Respondent 1',
      'Respondent 2',
      'Respondent 3',
    ]);
    expect(statement(anonymous, 'renewal-warning')).toMatchObject({
      answers: [
        { respondent: 'Respondent 1', answer: 'yes', satisfied: true },
        { respondent: 'Respondent 2', answer: 'yes', satisfied: true },
        { respondent: 'Respondent 3', answer: 'no', satisfied: false },
      ],
      unattributed: { notes: ['Renews silently.'], evidence: [] },
    });
    expect(forgedClaims(anonymous)).toEqual([]);
    // the notes are sorted: their order does not follow the order of the files
    const two = combineTeam(
      [
        member('X', { 'renewal-warning': { answer: 'no', note: 'b' } }),
        member('Y', { 'renewal-warning': { answer: 'no', note: 'a' } }),
      ],
      { subject: 'S', anonymous: true },
    );
    expect(statement(two, 'renewal-warning').unattributed!.notes).toEqual(['a', 'b']);
  });
});

describe('names', () => {
  it('compares people and subjects as the issue says', () => {
    expect(sameName(' Anna  de VRIES ')).toBe(sameName('anna de vries'));
    expect(sameName('Ane\u0301')).toBe(sameName('An\u00e9'));
    expect(sameSubject(' Acme B.V. ')).toBe(sameSubject('Acme B.V.'));
    expect(sameSubject('Acme')).not.toBe(sameSubject('acme holding'));
  });

  it('reads "Name (Role)"', () => {
    expect(parseRespondent('Anna de Vries (Sales)')).toEqual({
      name: 'Anna de Vries',
      role: 'Sales',
    });
    expect(parseRespondent('Bas')).toEqual({ name: 'Bas', role: undefined });
    expect(parseRespondent('Chris ()')).toEqual({ name: 'Chris', role: undefined });
  });

  it('gives each respondent a safe, unique file name within the byte limit', () => {
    const names = respondentFileNames([
      'Anna de Vries',
      'ANNA DE VRIES',
      'Bas/Bakker',
      'é'.repeat(300),
    ]);
    expect(names.slice(0, 3)).toEqual([
      'anna-de-vries.yaml',
      'anna-de-vries-2.yaml',
      'bas-bakker.yaml',
    ]);
    expect(Buffer.byteLength(names[3]!)).toBeLessThanOrEqual(255);
  });

  it('shows every respondent’s action on a statement, never merged; whose only when not anonymous', () => {
    const team = [
      member('Anna', {
        'renewal-warning': { answer: 'no', action: { owner: 'Finance', due: '2027-03-31' } },
      }),
      member('Bas', {
        'renewal-warning': { answer: 'no', action: { owner: 'Finance', due: '2027-01-31' } },
      }),
      member('Chris', {}),
    ];
    const named = combineTeam(team, { subject: 'Acme B.V.', anonymous: false });
    expect(statement(named, 'renewal-warning').actions).toEqual([
      expect.objectContaining({ owner: 'Finance', due: '2027-03-31', respondent: 'Anna' }),
      expect.objectContaining({ owner: 'Finance', due: '2027-01-31', respondent: 'Bas' }),
    ]);
    expect(named.actionTotals).toMatchObject({ planned: 1, unplanned: 0 });
    expect(forgedClaims(named)).toEqual([]);
    const anonymous = combineTeam(team, { subject: 'Acme B.V.', anonymous: true });
    expect(
      statement(anonymous, 'renewal-warning').actions!.map((a) => Object.keys(a).sort()),
    ).toEqual([
      ['due', 'owner', 'previousDue', 'status', 'what'],
      ['due', 'owner', 'previousDue', 'status', 'what'],
    ]);
  });
});
