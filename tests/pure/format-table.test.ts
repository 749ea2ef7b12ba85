// The table of report formats (core/render/formats.ts) and everything derived from it: the format
// of a file by its extension, the extension of a file written, the renderers (the lazy one too),
// the synchronous render that does not take html, and the library's checks of a format.
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  DEFAULT_REPORT_FORMAT,
  REPORT_FORMATS,
  REPORT_FORMAT_IDS,
  extensionFor,
  extensionsInWords,
  formatFor,
  formatForPath,
  isPerAnswerFile,
  rendererFor,
  syncRenderer,
  type ReportFormat,
  type SyncReportFormat,
} from '../../src/core/render/index.js';
import { renderHtml } from '../../src/core/render/html.js';
import { renderJson } from '../../src/core/render/json.js';
import * as library from '../../src/index.js';
import { TrustcheckError } from '../../src/errors.js';
import { audit } from '../support/report-fixtures.js';

const report = audit({ 'renewal-warning': 'no' });

describe('the table of report formats', () => {
  it('gives the formats, their type and the default', () => {
    expect(REPORT_FORMAT_IDS).toEqual(['md', 'json', 'junit', 'html', 'github']);
    expect(DEFAULT_REPORT_FORMAT).toBe('md');
    expectTypeOf<ReportFormat>().toEqualTypeOf<'md' | 'json' | 'junit' | 'html' | 'github'>();
    // html is loaded on first use, so the synchronous render does not take it
    expectTypeOf<SyncReportFormat>().toEqualTypeOf<'md' | 'json' | 'junit' | 'github'>();
    expect(REPORT_FORMATS.filter((f) => f.lazy).map((f) => f.id)).toEqual(['html']);
  });

  it('chooses a format by extension, whatever its case', () => {
    expect(formatForPath('report.md')).toBe('md');
    expect(formatForPath('REPORT.MARKDOWN')).toBe('md');
    expect(formatForPath('out/report.json')).toBe('json');
    expect(formatForPath('junit.XML')).toBe('junit');
    expect(formatForPath('board.htm')).toBe('html');
    expect(formatForPath('board.html')).toBe('html');
    // a .txt file is not taken for GitHub annotations, nor anything else for a format
    expect(formatForPath('notes.txt')).toBeUndefined();
    expect(formatForPath('report')).toBeUndefined();
    expect(formatForPath('report.md.bak')).toBeUndefined();
  });

  it('takes the format asked for, else the extension, else the default', () => {
    expect(formatFor('a.json', 'html')).toBe('html');
    expect(formatFor('a.json', undefined)).toBe('json');
    expect(formatFor('a.txt', undefined)).toBe('md');
    expect(formatFor(undefined, undefined)).toBe('md');
  });

  it('names each format’s files with an extension that chooses it again', () => {
    for (const format of REPORT_FORMAT_IDS) {
      const row = REPORT_FORMATS.find((f) => f.id === format)!;
      expect(extensionFor(format)).toBe(row.extensions[0]);
      expect(formatForPath(`r${extensionFor(format)}`)).toBe(row.byExtension ? format : undefined);
    }
    expect(extensionFor('junit')).toBe('.xml');
    expect(extensionFor('github')).toBe('.txt');
  });

  it('says in words which extension chooses which format', () => {
    expect(extensionsInWords()).toBe(
      '.md (Markdown), .json (JSON), .xml (JUnit XML), .html (HTML)',
    );
  });

  it('lets --out-dir write every format but the GitHub commands', () => {
    expect(REPORT_FORMAT_IDS.filter(isPerAnswerFile)).toEqual(['md', 'json', 'junit', 'html']);
  });

  it('renders every format through its renderer, the lazy one loaded on first use', async () => {
    for (const format of REPORT_FORMAT_IDS) {
      const text = (await rendererFor(format))(report, {});
      expect(text.length).toBeGreaterThan(100);
      await expect(library.renderAsync(report, format)).resolves.toBe(text);
    }
    expect((await rendererFor('html'))(report, {})).toBe(renderHtml(report));
    expect(syncRenderer('json')(report, {})).toBe(renderJson(report));
    // @ts-expect-error: html's renderer is loaded on first use
    expect(() => syncRenderer('html')).toThrow(/loaded on first use/);
  });
});

describe('the library’s render', () => {
  it('renders the formats that need no loading, and html through renderAsync', async () => {
    expect(library.render(report, 'md')).toBe(syncRenderer('md')(report, {}));
    await expect(library.renderAsync(report, 'html')).resolves.toBe(renderHtml(report));
  });

  it('refuses html in the synchronous render, in words that say what to call', () => {
    // @ts-expect-error: html is not a format of the synchronous render
    const call = () => library.render(report, 'html');
    expect(call).toThrow(TrustcheckError);
    expect(call).toThrow(
      "render: the format (second argument) is HTML, whose renderer is loaded on first use: call await renderAsync(report, 'html') instead",
    );
  });

  it('refuses an unknown format with the list of formats', async () => {
    // @ts-expect-error: not a format
    expect(() => library.render(report, 'exe')).toThrow(
      `render: the format (second argument) must be one of 'md', 'json', 'junit', 'github' (html through renderAsync), found the text "exe"`,
    );
    // @ts-expect-error: not a format
    await expect(library.renderAsync(report, 42)).rejects.toThrow(
      "renderAsync: the format (second argument) must be one of 'md', 'json', 'junit', 'html', 'github', found the number 42",
    );
  });
});
