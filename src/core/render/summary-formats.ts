// The portfolio summary's formats: one row per format, as formats.ts has for reports, and
// everything that depends on the list derived from it (the `SummaryFormat` type, the `--format`
// choices of `summary`, the format of `-o FILE` by its extension, the messages, the renderer).
// A new format is a renderer and a row here.
import type { Summary } from '../summary.js';

/** A portfolio summary rendered as text in one format. */
export type SummaryRenderer = (summary: Summary) => string;

/**
 * A format's row. Every renderer is loaded on first use (`import()`): the command line's
 * declarations read this table at every start, and only `summary` renders.
 */
interface FormatRow {
  /** The name on the command line (`summary -f csv`). */
  readonly id: string;
  /** The format in words, for messages. */
  readonly name: string;
  /** The extensions that ask for it with `-o FILE`; the first is the one trustcheck gives a file. */
  readonly extensions: readonly [string, ...string[]];
  readonly load: () => Promise<SummaryRenderer>;
}

/** The formats, in the order `--help` lists them; the first is the default. */
export const SUMMARY_FORMATS = [
  {
    id: 'md',
    name: 'Markdown',
    extensions: ['.md', '.markdown'],
    load: async () => (await import('./summary.js')).renderSummaryMarkdown,
  },
  {
    id: 'json',
    name: 'JSON',
    extensions: ['.json'],
    load: async () => (await import('./summary.js')).renderSummaryJson,
  },
  {
    id: 'csv',
    name: 'CSV',
    extensions: ['.csv'],
    load: async () => (await import('./summary.js')).renderSummaryCsv,
  },
  {
    id: 'html',
    name: 'HTML',
    extensions: ['.html', '.htm'],
    load: async () => (await import('./summary-html.js')).renderSummaryHtml,
  },
] as const satisfies readonly FormatRow[];

/** Every format of a portfolio summary. */
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number]['id'];

/** The formats' ids, in the table's order (the `--format` choices of `summary`). */
export const SUMMARY_FORMAT_IDS: readonly SummaryFormat[] = SUMMARY_FORMATS.map((f) => f.id);

export const DEFAULT_SUMMARY_FORMAT: SummaryFormat = SUMMARY_FORMATS[0].id;

const byId = new Map<string, FormatRow>(SUMMARY_FORMATS.map((f) => [f.id, f]));

/** The format a file name asks for by its extension (case aside), if any. */
export function summaryFormatForPath(path: string): SummaryFormat | undefined {
  const lower = path.toLowerCase();
  return SUMMARY_FORMATS.find((f) => f.extensions.some((e) => lower.endsWith(e)))?.id;
}

/** The one rule for an output's format: the one asked for, else its extension's, else the default. */
export function summaryFormatFor(
  file: string | undefined,
  asked: SummaryFormat | undefined,
): SummaryFormat {
  return (
    asked ?? (file === undefined ? undefined : summaryFormatForPath(file)) ?? DEFAULT_SUMMARY_FORMAT
  );
}

/** The extensions that choose a format, for messages: ".md (Markdown), .json (JSON), …". */
export function summaryExtensionsInWords(): string {
  return SUMMARY_FORMATS.map((f) => `${f.extensions[0]} (${f.name})`).join(', ');
}

/** The renderer of a format (loaded on first use). */
export function summaryRendererFor(format: SummaryFormat): Promise<SummaryRenderer> {
  return byId.get(format)!.load();
}
