// Rendering a report in each of its formats. The HTML renderer is loaded only when it is asked
// for (`loadRenderers`, `renderAsync`), so that it adds nothing to a scripted audit's start-up.
import type { Report } from '../model.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import { renderGithub } from './github.js';
import type { RenderOptions } from './options.js';

export type ReportFormat = 'md' | 'json' | 'junit' | 'github' | 'html';
export type { RenderOptions } from './options.js';

export { renderJson, renderJunit, renderMarkdown };

let htmlRenderer: ((report: Report, options: RenderOptions) => string) | undefined;

/** Loads the renderers of the formats that need loading (html); call before `render`. */
export async function loadRenderers(formats: readonly (ReportFormat | undefined)[]): Promise<void> {
  if (formats.includes('html') && htmlRenderer === undefined) {
    htmlRenderer = (await import('./html.js')).renderHtml;
  }
}

export function render(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'json':
      return renderJson(report);
    case 'junit':
      return renderJunit(report, options);
    case 'github':
      return renderGithub(report, options);
    case 'md':
      return renderMarkdown(report, options);
    case 'html':
      if (htmlRenderer === undefined) {
        throw new Error('the html renderer is not loaded: await loadRenderers(["html"]) first');
      }
      return htmlRenderer(report, options);
  }
}

/** Renders in any format, loading its renderer first when needed. */
export async function renderAsync(
  report: Report,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<string> {
  await loadRenderers([format]);
  return render(report, format, options);
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
  if (lower.endsWith('.html') || lower.endsWith('.htm')) return 'html';
  return undefined;
}
