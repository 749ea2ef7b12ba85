// The table of portfolio summary formats (core/render/summary-formats.ts): the format of an
// output by its extension, the one asked for over it, the words that list them, and a renderer
// for each row.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DEFAULT_SUMMARY_FORMAT,
  SUMMARY_FORMATS,
  SUMMARY_FORMAT_IDS,
  summaryExtensionsInWords,
  summaryFormatFor,
  summaryFormatForPath,
  summaryRendererFor,
  type SummaryFormat,
} from '../../src/core/render/summary-formats.js';
import { summarize } from '../../src/core/summary.js';
import { audit } from '../support/report-fixtures.js';

describe('the table of summary formats', () => {
  it('gives the formats, their type and the default', () => {
    expect(SUMMARY_FORMAT_IDS).toEqual(['md', 'json', 'csv', 'html']);
    expectTypeOf<SummaryFormat>().toEqualTypeOf<'md' | 'json' | 'csv' | 'html'>();
    expect(DEFAULT_SUMMARY_FORMAT).toBe('md');
  });

  it('chooses a format by extension, whatever its case', () => {
    expect(summaryFormatForPath('portfolio.csv')).toBe('csv');
    expect(summaryFormatForPath('PORTFOLIO.CSV')).toBe('csv');
    expect(summaryFormatForPath('out/p.json')).toBe('json');
    expect(summaryFormatForPath('p.htm')).toBe('html');
    expect(summaryFormatForPath('p.markdown')).toBe('md');
    expect(summaryFormatForPath('p.xml')).toBeUndefined();
    expect(summaryFormatForPath('p.csv.bak')).toBeUndefined();
  });

  it('takes the format asked for, else the extension, else the default', () => {
    expect(summaryFormatFor('p.csv', 'html')).toBe('html');
    expect(summaryFormatFor('p.csv', undefined)).toBe('csv');
    expect(summaryFormatFor('p.txt', undefined)).toBe('md');
    expect(summaryFormatFor('-', undefined)).toBe('md');
    expect(summaryFormatFor(undefined, undefined)).toBe('md');
  });

  it('says in words which extension chooses which format', () => {
    expect(summaryExtensionsInWords()).toBe(
      '.md (Markdown), .json (JSON), .csv (CSV), .html (HTML)',
    );
  });

  it('renders every format through its renderer, each loaded on first use', async () => {
    const summary = summarize([audit({ 'renewal-warning': 'no' })]);
    const starts: Record<SummaryFormat, RegExp> = {
      md: /^# /,
      json: /^\{\n {2}"format": "trustcheck-summary\/1"/,
      csv: /^"subject","date"/,
      html: /^<!doctype html>/i,
    };
    for (const row of SUMMARY_FORMATS) {
      const text = (await summaryRendererFor(row.id))(summary);
      expect(text, row.id).toMatch(starts[row.id]);
      // the first extension of a format chooses it again
      expect(summaryFormatForPath(`p${row.extensions[0]}`)).toBe(row.id);
    }
  });
});
