// The verdict in words, in the audit's language: the last line of an audit, a batch's line per
// answer file and its total, and the last lines of diff and summary.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/core/compare.js';
import {
  batchLine,
  batchTotal,
  comparisonTally,
  portfolioTally,
  verdictLine,
  wroteSummary,
} from '../../src/core/render/verdict.js';
import { Portfolio } from '../../src/core/summary.js';
import { audit } from '../support/report-fixtures.js';

const failing = { 'renewal-warning': 'no', 'no-late-cancellation-profit': 'no' };

describe('the last line of an audit', () => {
  it('gives the verdict and the counts, and what CI decided', () => {
    expect(verdictLine(audit({}), 'fail', undefined)).toEqual({
      text: 'Acme B.V.: passed, 10 of 10 questions pass, 36 of 36 statements true (exit 0)',
      ok: true,
    });
    expect(verdictLine(audit(failing), 'fail', undefined).ok).toBe(false);
    expect(verdictLine(audit(failing), 'never', undefined).text).toBe(
      'Acme B.V.: failed, 8 of 10 questions pass, 34 of 36 statements true (not gating: --fail-on never)',
    );
  });

  it('with a baseline and --fail-on regression, says the regressions first', () => {
    const baseline = audit({});
    const line = verdictLine(audit(failing, { baseline }), 'regression', 'last.json');
    expect(line).toEqual({
      text: 'Acme B.V.: 2 regressions against last.json (exit 1); the audit: failed, 8 of 10 questions pass, 34 of 36 statements true',
      ok: false,
    });
  });

  it('is in Dutch for a Dutch audit', () => {
    expect(verdictLine(audit({}, { language: 'nl' }), 'fail', undefined).text).toBe(
      'Acme B.V.: voldaan, 10 van 10 vragen voldaan, 36 van 36 uitspraken waar (exitcode 0)',
    );
  });
});

describe('a batch', () => {
  it('has a line per answer file: the verdict word apart (the shell colours it), and counts', () => {
    expect(batchLine(audit({}))).toEqual({
      verdict: 'passed',
      counts: '10/10 questions, 36/36 statements',
    });
    expect(batchLine(audit(failing, { language: 'nl' }))).toEqual({
      verdict: 'niet voldaan',
      counts: '8/10 vragen, 34/36 uitspraken',
    });
  });

  it('counts regressions against a baseline, one or more', () => {
    const baseline = audit({});
    expect(batchLine(audit({ 'renewal-warning': 'no' }, { baseline })).counts).toBe(
      '9/10 questions, 35/36 statements, 1 regression',
    );
    expect(batchLine(audit(failing, { baseline, language: 'nl' })).counts).toBe(
      '8/10 vragen, 34/36 uitspraken, 2 achteruitgangen',
    );
    expect(batchLine(audit({}, { baseline })).counts).toBe('10/10 questions, 36/36 statements');
  });

  it('ends with a total in the language of the run', () => {
    expect(batchTotal('en', 3, 1, 1, 1)).toBe(
      '3 answer files: 1 passed, 1 failed, 1 could not be audited',
    );
    expect(batchTotal('en', 1, 1, 0, 0)).toBe(
      '1 answer file: 1 passed, 0 failed, 0 could not be audited',
    );
    expect(batchTotal('nl', 2, 0, 2, 0)).toBe(
      '2 antwoordbestanden: 0 voldaan, 2 niet voldaan, 0 niet te auditen',
    );
  });
});

describe('the last line of diff and of summary', () => {
  it('diff counts regressions, improvements, added and removed, in the current report’s language', () => {
    const { comparison } = compare(audit({ 'renewal-warning': 'no' }), audit(failing));
    expect(comparisonTally(comparison, 'en')).toBe(
      '1 regression, 0 improvements, 0 added, 0 removed',
    );
    const back = compare(audit(failing), audit({})).comparison;
    expect(comparisonTally(back, 'nl')).toBe(
      '0 achteruitgangen, 2 verbeteringen, 0 toegevoegd, 0 verwijderd',
    );
  });

  it('summary counts reports, subjects and changes, in the summary’s language', () => {
    const portfolio = new Portfolio();
    portfolio.add(audit(failing, { date: '2026-05-01' }));
    portfolio.add(audit({}, { language: 'nl' }));
    const summary = portfolio.summary();
    expect(summary.language).toBe('nl');
    expect(portfolioTally(summary)).toBe(
      '2 rapporten van 1 organisatie, 0 achteruitgangen, 2 verbeteringen',
    );
    expect(wroteSummary(summary, 'portfolio.md')).toBe('overzicht geschreven: portfolio.md');
    const english = new Portfolio();
    english.add(audit({}));
    expect(portfolioTally(english.summary())).toBe(
      '1 report of 1 subject, 0 regressions, 0 improvements',
    );
  });
});
