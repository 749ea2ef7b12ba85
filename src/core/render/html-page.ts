// The HTML document around a report or a portfolio summary: language, title, description, icon,
// viewport and the one style sheet, so that both read and print alike; and the parts that every
// section of either shares (a date that never breaks, a wide table that scrolls on a phone).
import { html, raw, type Html } from './html-template.js';
import { STYLE } from './html-style.js';

/**
 * The page's icon, inline, so that a browser asks no server for /favicon.ico (a 404 in the
 * console over http): a check mark on the report's accent colour.
 */
const ICON = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">' +
    '<rect width="32" height="32" rx="7" fill="#27406b"/>' +
    '<path d="M8 16.5l5.5 5.5L24 10.5" fill="none" stroke="#fff" stroke-width="4" ' +
    'stroke-linecap="round" stroke-linejoin="round"/></svg>',
)}`;

export interface PageText {
  /** The audit's language: the page's `lang`. */
  language: string;
  /** What a browser's tab and history show. */
  title: string;
  /** What the page is, in one or two sentences: what a search result or a link preview shows. */
  description: string;
}

/** The document around a body: language, title, description, icon, viewport, the style sheet. */
export function page({ language, title, description }: PageText, body: Html): string {
  return `<!doctype html>\n${
    html`<html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="trustcheck" />
        <meta name="description" content="${description}" />
        <title>${title}</title>
        <link rel="icon" type="image/svg+xml" href="${ICON}" />
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`.value
  }\n`;
}

const ISO_DATE = /(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)/;

/** A date (YYYY-MM-DD) as a <time> element, which the style sheet never breaks. */
export function time(date: string): Html {
  return html`<time datetime="${date}">${date}</time>`;
}

/**
 * Text with its dates as <time> elements, so that "2027-02-23" never wraps after a hyphen:
 * for the sentences of the word tables that name a date. Every part is escaped.
 */
export function dated(text: string): Html {
  const parts = text.split(ISO_DATE);
  return html`${parts.map((part, i) => (i % 2 === 1 ? time(part) : part))}`;
}

/**
 * A table wider than a phone: a region that scrolls sideways on its own (the page never does),
 * reachable and scrollable with the keyboard, named by the heading `labelledBy`. Its first
 * column stays in view while the rest scrolls; a shadow on the right shows there is more; and
 * `hint`, when given, says so in words on a narrow screen.
 */
export function scrollable(labelledBy: string, table: Html, hint?: string): Html {
  return html`${hint === undefined ? '' : html`<p class="scroll-hint">${hint}</p>`}
    <div class="scroll" role="region" aria-labelledby="${labelledBy}" tabindex="0">${table}</div>`;
}
