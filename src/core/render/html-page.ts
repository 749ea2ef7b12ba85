// The HTML document around a report or a portfolio summary: language, title, viewport and the
// one style sheet, so that both read and print alike.
import { html, raw, type Html } from './html-template.js';
import { STYLE } from './html-style.js';

/** The document around a body: language, title, viewport, the style sheet. */
export function page(language: string, title: string, body: Html): string {
  return `<!doctype html>\n${
    html`<html lang="${language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="trustcheck" />
        <title>${title}</title>
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
