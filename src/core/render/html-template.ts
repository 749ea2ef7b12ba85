// A tiny HTML template: `html` is a tagged template that escapes every interpolated value,
// unless it is an `Html` fragment (made by `html` itself, or by `raw()` for trusted markup such
// as the style sheet). Arrays are joined, and null, undefined and false render as nothing.
import { escapeMarkup } from '../text/controls.js';

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for an element's content and for a quoted attribute value. */
export function escapeHtml(text: string): string {
  return escapeMarkup(text, ENTITIES);
}

function toHtml(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(toHtml).join('');
  return escapeHtml(String(value));
}

/** Markup trusted as it is: only for fragments written in this code, never user text. */
export function raw(markup: string): Html {
  return new Html(markup);
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += toHtml(v) + strings[i + 1]!;
  });
  return new Html(out);
}
