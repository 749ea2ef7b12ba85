// Action statuses and totals are derived: from the statement's verdict, the due date(s) and the
// report's date, and against a baseline from its action of the same statement. A report whose
// claimed statuses or totals do not follow is a forged one. The policy's `overdue`, and its
// comma lists.
import { describe, expect, it } from 'vitest';
import {
  actionsAgainstBaseline,
  actionTotals,
  derivedStatus,
  planOrder,
  withActionTotals,
} from '../../src/core/actions.js';
import { forgedClaims } from '../../src/core/derive.js';
import type { Report, ReportAction } from '../../src/core/model.js';
import { parseFailOn, violatesPolicy } from '../../src/core/policy.js';
import { audit } from '../support/report-fixtures.js';

const action = (over: Partial<ReportAction> = {}): ReportAction => ({
  what: 'Send a reminder.',
  owner: 'Bas',
  due: '2027-03-31',
  status: 'open',
  previousDue: null,
  ...over,
});

/** The report with `actions` on renewal-warning (answered no unless `answer` says otherwise). */
function withActions(
  actions: ReportAction[],
  options: { date?: string; answer?: string } = {},
): Report {
  const report = audit(
    { 'renewal-warning': options.answer ?? 'no' },
    { date: options.date ?? '2026-11-23' },
  );
  for (const q of report.questionnaires)
    for (const s of q.sections)
      for (const st of s.statements) st.actions = st.id === 'renewal-warning' ? actions : [];
  return report;
}
const renewal = (report: Report) =>
  report.questionnaires[0]!.sections[0]!.statements.find((s) => s.id === 'renewal-warning')!;

describe('an action’s status', () => {
  it('is done on a satisfied statement, whatever its date', () => {
    expect(derivedStatus(true, { due: '2020-01-01' }, '2026-11-23', false)).toBe('done');
  });
  it('is overdue when not satisfied and due before the date; due on the date is not', () => {
    expect(derivedStatus(false, { due: '2026-11-22' }, '2026-11-23', false)).toBe('overdue');
    expect(derivedStatus(false, { due: '2026-11-23' }, '2026-11-23', false)).toBe('open');
  });
  it('is postponed when its date moved later, until the new date passes', () => {
    const moved = { due: '2027-01-31', previousDue: '2026-12-01' };
    expect(derivedStatus(false, moved, '2026-12-15', false)).toBe('postponed');
    expect(derivedStatus(false, moved, '2027-02-01', false)).toBe('overdue');
  });
});

describe('against a baseline', () => {
  it('postponed with both dates, new, and a kept promise listed as done', () => {
    const baseline = withActions([action({ due: '2026-12-01' })], { date: '2026-06-01' });
    // upgrade-eligibility: not true with Anna's action in the baseline, true now without it
    const upgrade = baseline.questionnaires[0]!.sections[0]!.statements.find(
      (s) => s.id === 'upgrade-eligibility',
    )!;
    upgrade.answer = 'no';
    upgrade.satisfied = false;
    upgrade.actions = [action({ owner: 'Anna', due: '2026-09-30' })];

    const now = withActions([action({ due: '2027-01-31' }), action({ owner: 'Kees' })]);
    const compared = withActionTotals({
      ...actionsAgainstBaseline(now, baseline),
      comparison: {
        baseline: { subject: 'Acme B.V.', date: '2026-06-01' },
        regressions: [],
        improvements: [
          {
            questionnaire: 'trustability',
            section: 'economic-interests',
            statement: 'upgrade-eligibility',
            was: false,
            now: true,
          },
        ],
        sectionRegressions: [],
        added: [],
        removed: [],
        missingQuestionnaires: [],
      },
    });
    expect(renewal(compared).actions).toEqual([
      action({ due: '2027-01-31', status: 'postponed', previousDue: '2026-12-01' }),
      action({ owner: 'Kees', status: 'new' }),
    ]);
    const kept = compared.questionnaires[0]!.sections[0]!.statements.find(
      (s) => s.id === 'upgrade-eligibility',
    )!;
    expect(kept.actions).toEqual([action({ owner: 'Anna', due: '2026-09-30', status: 'done' })]);
    expect(compared.actionTotals).toEqual({
      planned: 1,
      unplanned: 0,
      overdue: 0,
      postponed: 1,
      doneSinceBaseline: 1,
    });
    // and such a report is consistent: its claims follow from it
    expect(forgedClaims(compared)).toEqual([]);
  });

  it('never merges two actions: each continues at most one of the baseline', () => {
    const baseline = withActions([action({ owner: 'Bas', due: '2026-12-01' })]);
    const now = withActions([
      action({ owner: 'Anna', due: '2027-02-01' }),
      action({ owner: 'Bas', due: '2027-01-01' }),
    ]);
    const statuses = renewal(actionsAgainstBaseline(now, baseline)).actions!.map((a) => [
      a.owner,
      a.status,
      a.previousDue,
    ]);
    expect(statuses).toEqual([
      ['Anna', 'new', null],
      ['Bas', 'postponed', '2026-12-01'],
    ]);
  });
});

describe('a report’s action claims', () => {
  it('are refused when they do not follow: a status, and the totals', () => {
    const report = withActionTotals(
      withActions([action({ due: '2026-11-01', status: 'overdue' })]),
    );
    expect(forgedClaims(report)).toEqual([]);
    renewal(report).actions![0]!.status = 'open';
    report.actionTotals = { ...report.actionTotals!, overdue: 0 };
    const claims = forgedClaims(report);
    expect(claims.map((c) => [c.field, c.claimed, c.derived])).toEqual([
      ['actions[0].status', 'open', 'overdue'],
      ['actionTotals.overdue', 0, 1],
    ]);
    expect(claims[0]!.path).toEqual([
      'questionnaires',
      0,
      'sections',
      0,
      'statements',
      1,
      'actions',
      0,
      'status',
    ]);
  });

  it('a report of an older version, without actions or totals, has none to check', () => {
    const report = audit({ 'renewal-warning': 'no' });
    for (const q of report.questionnaires)
      for (const s of q.sections) for (const st of s.statements) delete st.actions;
    expect(forgedClaims(report)).toEqual([]);
    expect(actionTotals(report)).toMatchObject({ planned: 0, unplanned: 1 });
  });
});

describe('the plan’s order', () => {
  it('is the earliest open due date first, statements without an owner last, stable', () => {
    const items = [
      { id: 'a', actions: [] },
      { id: 'b', actions: [action({ due: '2027-05-01' })] },
      {
        id: 'c',
        actions: [action({ due: '2026-01-01', status: 'done' }), action({ due: '2027-02-01' })],
      },
      { id: 'd', actions: [] },
    ];
    expect(planOrder(items).map((i) => i.id)).toEqual(['c', 'b', 'a', 'd']);
  });
});

describe('the --fail-on policy', () => {
  it('reads a comma list, each condition once; never stands alone', () => {
    expect(parseFailOn('regression,overdue')).toEqual({
      ok: true,
      policy: ['regression', 'overdue'],
    });
    expect(parseFailOn(' fail , fail ')).toEqual({ ok: true, policy: ['fail'] });
    expect(parseFailOn('never,overdue')).toMatchObject({ ok: false });
    expect(parseFailOn('regression,')).toMatchObject({
      ok: false,
      message: expect.stringContaining('an empty condition') as unknown,
    });
  });

  it('overdue is violated by an overdue action only', () => {
    const late = withActionTotals(withActions([action({ due: '2026-11-01', status: 'overdue' })]));
    const planned = withActionTotals(withActions([action()]));
    expect(violatesPolicy(late, ['overdue'])).toBe(true);
    expect(violatesPolicy(planned, ['overdue'])).toBe(false);
    // one condition, as the library took it before lists
    expect(violatesPolicy(planned, 'fail')).toBe(true);
    expect(violatesPolicy(planned, ['never'])).toBe(false);
  });
});
