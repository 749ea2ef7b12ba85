// The report formats: one row per format, and everything that depends on the list of formats is
// derived from it (the `ReportFormat` type, `--format` choices, the format of `-o FILE` by its
// extension, the extension of a file written, the messages that list formats, the renderer).
// A new format is a renderer file and a row here.
import type { Report } from '../model.js';
import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { RenderOptions } from './options.js';

/** A report rendered as text in one format. */
export type Renderer = (report: Report, options: RenderOptions) => string;

interface Common {
  /** The name on the command line (`-f md`) and in the library (`render(report, 'md')`). */
  readonly id: string;
  /** The format in words, for messages. */
  readonly name: string;
  /** The extensions of its files; the first is the one trustcheck gives a file it names. */
  readonly extensions: readonly [string, ...string[]];
  /** Whether `-o FILE` with one of those extensions asks for this format. */
  readonly byExtension: boolean;
  /** Whether `--out-dir` may write it, one file per answer file (else: one run, one output). */
  readonly perAnswerFile: boolean;
}

/**
 * A format's row. A lazy renderer is loaded on first use (`import()`), so that it costs nothing to
 * a run that does not ask for it.
 */
type FormatRow = Common &
  (
    | { readonly lazy: false; readonly render: Renderer }
    | { readonly lazy: true; readonly load: () => Promise<Renderer> }
  );

/** The formats, in the order `--help` lists them; the first is the default. */
export const REPORT_FORMATS = [
  {
    id: 'md',
    name: 'Markdown',
    extensions: ['.md', '.markdown'],
    byExtension: true,
    perAnswerFile: true,
    lazy: false,
    render: renderMarkdown,
  },
  {
    id: 'json',
    name: 'JSON',
    extensions: ['.json'],
    byExtension: true,
    perAnswerFile: true,
    lazy: false,
    render: renderJson,
  },
  {
    id: 'junit',
    name: 'JUnit XML',
    extensions: ['.xml'],
    byExtension: true,
    perAnswerFile: true,
    lazy: false,
    render: renderJunit,
  },
  {
    id: 'html',
    name: 'HTML',
    extensions: ['.html', '.htm'],
    byExtension: true,
    perAnswerFile: true,
    lazy: true,
    load: async () => (await import('./html.js')).renderHtml,
  },
  {
    id: 'github',
    name: 'GitHub workflow commands',
    // a .txt file is not taken for annotations: -f github says so
    extensions: ['.txt'],
    byExtension: false,
    perAnswerFile: false,
    lazy: false,
    render: renderGithub,
  },
] as const satisfies readonly FormatRow[];

type Row = (typeof REPORT_FORMATS)[number];

/** Every report format. */
export type ReportFormat = Row['id'];

/** The formats rendered without loading anything first: what the synchronous `render` takes. */
export type SyncReportFormat = Extract<Row, { lazy: false }>['id'];

/** The formats' ids, in the table's order (the `--format` choices). */
export const REPORT_FORMAT_IDS: readonly ReportFormat[] = REPORT_FORMATS.map((f) => f.id);

export const DEFAULT_REPORT_FORMAT: ReportFormat = REPORT_FORMATS[0].id;

const byId = new Map<string, FormatRow>(REPORT_FORMATS.map((f) => [f.id, f]));

export function isReportFormat(value: unknown): value is ReportFormat {
  return typeof value === 'string' && byId.has(value);
}

export function isSyncReportFormat(value: unknown): value is SyncReportFormat {
  return typeof value === 'string' && byId.get(value)?.lazy === false;
}

function row(format: ReportFormat): FormatRow {
  return byId.get(format)!;
}

/** The format in words ("JUnit XML"). */
export function formatName(format: ReportFormat): string {
  return row(format).name;
}

/** The file extension trustcheck gives a report of `format`. */
export function extensionFor(format: ReportFormat): string {
  return row(format).extensions[0];
}

/** Whether `--out-dir` may write `format`, one file per answer file. */
export function isPerAnswerFile(format: ReportFormat): boolean {
  return row(format).perAnswerFile;
}

/** The format a file name asks for by its extension (case aside), if any. */
export function formatForPath(path: string): ReportFormat | undefined {
  const lower = path.toLowerCase();
  return REPORT_FORMATS.find((f) => f.byExtension && f.extensions.some((e) => lower.endsWith(e)))
    ?.id;
}

/** The one rule for an output's format: the one asked for, else its extension's, else the default. */
export function formatFor(file: string | undefined, asked: ReportFormat | undefined): ReportFormat {
  return asked ?? (file === undefined ? undefined : formatForPath(file)) ?? DEFAULT_REPORT_FORMAT;
}

/** The extensions that choose a format, for messages: ".md (Markdown), .json (JSON), …". */
export function extensionsInWords(): string {
  return REPORT_FORMATS.filter((f) => f.byExtension)
    .map((f) => `${f.extensions[0]} (${f.name})`)
    .join(', ');
}

/** The renderer of a format that needs no loading. */
export function syncRenderer(format: SyncReportFormat): Renderer {
  const found = row(format);
  if (found.lazy) throw new Error(`the ${format} renderer is loaded on first use: use rendererFor`);
  return found.render;
}

/** The renderer of any format, loaded first when it is loaded on demand (html). */
export async function rendererFor(format: ReportFormat): Promise<Renderer> {
  const found = row(format);
  return found.lazy ? found.load() : found.render;
}
