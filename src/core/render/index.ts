// Rendering a report in each of its formats.
import type { Report } from '../model.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderGithub } from './github.js';
import type { RenderOptions } from './options.js';

export type ReportFormat = 'md' | 'json' | 'junit' | 'github';
export type { RenderOptions } from './options.js';

export { renderJson, renderJunit, renderMarkdown };

export function render(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'junit':
      return renderJunit(report, options);
    case 'github':
      return renderGithub(report, options);
    case 'md':
      return renderMarkdown(report);
  }
}

/** The file extension of a report format. */
export function extensionFor(format: ReportFormat): string {
  return format === 'junit' ? '.xml' : format === 'github' ? '.txt' : `.${format}`;
}

/** The one rule for an output's format: the one asked for, else its extension's, else Markdown. */
export function formatFor(file: string | undefined, asked: ReportFormat | undefined): ReportFormat {
  return asked ?? (file === undefined ? undefined : formatForPath(file)) ?? 'md';
}

/** The format a file name asks for by its extension, if any. */
export function formatForPath(path: string): ReportFormat | undefined {
  const lower = path.toLowerCase();
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'md';
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.xml')) return 'junit';
  return undefined;
}
