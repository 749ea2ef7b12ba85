// The portfolio CSV is read by spreadsheets: every text cell is quoted and cannot be run as a
// formula, whatever separator the reader's locale uses. Checked with a real CSV parser.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/core/summary.js';
import { csvText, renderSummaryCsv } from '../../src/core/render/summary.js';

function summaryOf(subjects: string[]): Summary {
  return {
    format: 'trustcheck-summary/1',
    subjects: subjects.length,
    reports: subjects.length,
    language: 'en',
    columns: ['trustability.economic-interests', 'constructor.x'],
    columnTitles: ['Do you proactively protect your customers’ economic interests?', 'x'],
    rows: subjects.map((subject, i) => ({
      subject,
      date: '2026-11-23',
      passed: i % 2 === 0,
      statementsSatisfied: 35,
      statements: 36,
      sectionsPassed: 4,
      sections: 5,
      verdicts: { 'trustability.economic-interests': true },
      overdueActions: 0,
    })),
    mostCommonFailures: [],
    regressions: [],
    improvements: [],
    overdueActions: [],
  };
}

const parseWith = (csv: string, delimiter: string): string[][] =>
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  parse(csv, { delimiter, relax_column_count: true }) as string[][];

describe('summary CSV', () => {
  const hostile = [
    "Acme;=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","click")',
    '+1+2',
    '-2+3',
    '@SUM(A1:A2)',
    '\t=1+1',
    '\r=1+1',
    '  =1+1',
    'NUL\u0000 and ESC\u001b[2J and DEL\u007f and CSI\u009b',
    'line\nbreak, "quoted"; semi',
    'Plain B.V.',
  ];
  const csv = renderSummaryCsv(summaryOf(hostile));

  it('quotes every text cell and keeps counts as numbers', () => {
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      '"subject","date","passed","statements_satisfied","statements","Do you proactively protect your customers’ economic interests? (trustability.economic-interests)","x (constructor.x)","overdue_actions"',
    );
    expect(lines[1]).toBe(`"Acme;=cmd|' /C calc'!A0","2026-11-23","pass",35,36,"pass","",0`);
    expect(lines).toHaveLength(hostile.length + 1);
  });

  it('reads back cell by cell with a real CSV parser', () => {
    const rows = parseWith(csv, ',');
    expect(rows).toHaveLength(hostile.length + 1);
    expect(rows.slice(1).map((r) => r[0])).toEqual([
      "Acme;=cmd|' /C calc'!A0",
      '\'=HYPERLINK("http://evil.example","click")',
      "'+1+2",
      "'-2+3",
      "'@SUM(A1:A2)",
      "' =1+1",
      "' =1+1",
      "'  =1+1",
      'NUL and ESC[2J and DEL and CSI',
      'line break, "quoted"; semi',
      'Plain B.V.',
    ]);
    for (const row of rows) expect(row).toHaveLength(8);
  });

  it('splits nothing for a reader whose separator is ";" (a Dutch spreadsheet)', () => {
    // such a reader cuts a line at each ";" outside double quotes: there is none, so
    // "Acme;=cmd|…" cannot become a cell of its own that starts a formula
    const outsideQuotes = (line: string) => line.replace(/"(?:[^"]|"")*"/g, '');
    for (const line of csv.trimEnd().split('\n')) {
      expect(outsideQuotes(line)).not.toContain(';');
      expect(line).toMatch(/^"/);
      expect(line).not.toMatch(/^"\s*[=+\-@]/);
    }
    // a one-column file read with ";" as the separator: the ";" stays inside the cell
    const single = parseWith(`${csvText("Acme;=cmd|' /C calc'!A0")}\n`, ';');
    expect(single).toEqual([["Acme;=cmd|' /C calc'!A0"]]);
  });

  it('no cell starts a formula or holds a control, whatever the text (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }),
        (subjects) => {
          const rows = parseWith(renderSummaryCsv(summaryOf(subjects)), ',');
          expect(rows).toHaveLength(subjects.length + 1);
          for (const row of rows.slice(1)) {
            expect(row).toHaveLength(8);
            for (const cell of row) {
              expect(cell).not.toMatch(/^\s*[=+\-@\t\r]/);
              // eslint-disable-next-line no-control-regex
              expect(cell).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
            }
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('csvText doubles quotes', () => {
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
  });
});
