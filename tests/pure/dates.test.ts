// Dates are real calendar dates: the one check (core/dates.ts) behind the model's zod refinement
// and the loaders' run-time check, and the list of every place a date is in a file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DATE_FIELDS,
  dateIssues,
  impossibleDateMessage,
  isCalendarDate,
} from '../../src/core/dates.js';
import { DATE_PATTERN } from '../../src/core/formats.js';
import { AnswerFileSchema, ReportSchema } from '../../src/core/model.js';

const root = join(import.meta.dirname, '..', '..');

describe('isCalendarDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2027-02-31', false],
    ['2026-04-30', true],
    ['2026-04-31', false],
    ['2026-06-31', false],
    ['2026-09-31', false],
    ['2026-11-31', false],
    ['2026-12-31', true],
    ['2026-01-31', true],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['not a date', false],
  ])('%s: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it('agrees with the calendar of Date on every day of four centuries and beyond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const date = new Date(0);
          date.setUTCFullYear(year, month - 1, day);
          const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
          expect(isCalendarDate(text)).toBe(real);
        },
      ),
    );
  });

  it('says which date does not exist, why, and a real one', () => {
    expect(impossibleDateMessage('2026-02-30')).toBe(
      'the date 2026-02-30 does not exist: February 2026 has 28 days; write a real date, such as 2026-02-28',
    );
    expect(impossibleDateMessage('2027-04-31')).toBe(
      'the date 2027-04-31 does not exist: April 2027 has 30 days; write a real date, such as 2027-04-30',
    );
  });
});

describe('the model (zod) refuses an impossible date with the same message', () => {
  const answers = {
    format: 'trustcheck-answers/1',
    subject: 'Acme',
    date: '2026-02-30',
    questionnaires: {
      trustability: {
        answers: {
          'economic-interests': {
            'warranty-expiry': { answer: 'na', note: 'n', until: '2027-02-31' },
          },
        },
      },
    },
  };

  it('in an answer file: its date and an until', () => {
    const result = AnswerFileSchema.safeParse(answers);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['date', impossibleDateMessage('2026-02-30')],
      [
        'questionnaires.trustability.answers.economic-interests.warranty-expiry.until',
        impossibleDateMessage('2027-02-31'),
      ],
    ]);
    expect(dateIssues('answers', answers)).toEqual([
      { path: ['date'], message: impossibleDateMessage('2026-02-30') },
      {
        path: [
          'questionnaires',
          'trustability',
          'answers',
          'economic-interests',
          'warranty-expiry',
          'until',
        ],
        message: impossibleDateMessage('2027-02-31'),
      },
    ]);
  });

  it('accepts real dates, and leaves a wrongly written one to the pattern', () => {
    expect(
      AnswerFileSchema.safeParse({ ...answers, date: '2024-02-29', questionnaires: {} }).success,
    ).toBe(true);
    const wrong = AnswerFileSchema.safeParse({ ...answers, date: '2026-2-3', questionnaires: {} });
    expect(wrong.error?.issues.map((i) => i.code)).toEqual(['invalid_format']);
    expect(dateIssues('answers', { date: '2026-2-3' })).toEqual([]);
  });
});

/** Every path of a JSON Schema whose value is a date (the date pattern), `*` for any key or item. */
function datePlaces(schema: unknown, path: string[] = [], out = new Set<string>()): Set<string> {
  if (schema === null || typeof schema !== 'object') return out;
  const node = schema as Record<string, unknown>;
  if (node.pattern === DATE_PATTERN) out.add(path.join('.'));
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const branch of (node[key] as unknown[] | undefined) ?? []) datePlaces(branch, path, out);
  }
  for (const [name, child] of Object.entries((node.properties as object | undefined) ?? {})) {
    datePlaces(child, [...path, name], out);
  }
  if (typeof node.additionalProperties === 'object')
    datePlaces(node.additionalProperties, [...path, '*'], out);
  if (typeof node.items === 'object') datePlaces(node.items, [...path, '*'], out);
  return out;
}

describe('DATE_FIELDS', () => {
  it.each([
    ['answers', 'answers-generic'],
    ['report', 'report'],
  ] as const)('lists every date of the %s schema', (kind, file) => {
    const schema = JSON.parse(
      readFileSync(join(root, 'schemas', `${file}.schema.json`), 'utf8'),
    ) as unknown;
    expect([...datePlaces(schema)].sort()).toEqual(
      DATE_FIELDS[kind].map((p) => p.join('.')).sort(),
    );
  });

  it('are read only as own properties, and any value is walked without a throw', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(() => dateIssues('report', value)).not.toThrow();
        expect(() => dateIssues('answers', value)).not.toThrow();
      }),
    );
    expect(dateIssues('report', Object.create({ date: '2026-02-30' }))).toEqual([]);
  });

  it('are what the report schema checks too (zod)', () => {
    const result = ReportSchema.shape.date.safeParse('2026-02-29');
    expect(result.error?.issues[0]?.message).toBe(impossibleDateMessage('2026-02-29'));
  });
});
