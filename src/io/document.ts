// Parsing YAML (and JSON, which the same parser reads) with positions, so that every problem
// can be reported as file:line:col. Inputs are data only: custom tags are rejected, aliases are
// bounded, duplicate keys and prototype-polluting keys are errors.
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Issue, LocatedIssue } from '../core/issues.js';
import { INDENTATION_ERRORS, lineOutOfColumn } from './indentation.js';
import { parseJsonFast } from './json-fast.js';
import { parseSimpleYaml, pathKey } from './simple-yaml.js';

export interface ParsedDocument {
  file: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
  /** Where each key is (the fast path for simple YAML), so that a key's place needs no Document. */
  keyPositions?: Map<string, { line: number; col: number }>;
}

// `__proto__` could change an object's prototype; other names objects have (`constructor`, …)
// are harmless as keys, because every lookup by id is of own properties or in a Map, and are
// reported as the unknown ids they are
const FORBIDDEN_KEYS = new Set(['__proto__']);
const MAX_DEPTH = 100;
const MAX_ALIAS_COUNT = 100;

/** Whether a file is JSON (by its name), else YAML: how it is read, and how it is written back. */
export const isJsonFile = (file: string): boolean => /\.json$/i.test(file);

export type ParseResult =
  { ok: true; parsed: ParsedDocument } | { ok: false; issues: LocatedIssue[] };

/**
 * Parses a file's text (YAML, or JSON for a `.json` file) into its value and its Document. Two
 * fast paths, kept because they are measured (ARCHITECTURE.md, "Parsing"): well-formed JSON is
 * read by JSON.parse (json-fast.ts), and YAML of the shapes trustcheck writes and reads most
 * (block maps of plain keys, sequences of such maps) by one pass over its lines
 * (simple-yaml.ts). Their Document, for the positions of issues, is made by the YAML parser only
 * when one is asked for. Anything else, and every file with `fast: false`, takes the YAML
 * parser at once, which also gives every message with its position.
 */
export function parseDocument(
  text: string,
  file: string,
  options: { fast?: boolean } = {},
): ParseResult {
  if (options.fast !== false && isJsonFile(file)) {
    const json = parseJsonFast(text);
    if (json !== undefined)
      return { ok: true, parsed: new PositionedOnDemand(text, file, json.value) };
  } else if (options.fast !== false) {
    const keyPositions = new Map<string, { line: number; col: number }>();
    const value = parseSimpleYaml(
      text.charCodeAt(0) === 0xfeff ? text.slice(1) : text,
      keyPositions,
    );
    if (value !== undefined) {
      return { ok: true, parsed: new PositionedOnDemand(text, file, value, keyPositions) };
    }
  }
  return parseFully(text, file);
}

/** A parsed file whose Document is made when first asked for (to place an issue). */
class PositionedOnDemand implements ParsedDocument {
  private positioned: { doc: Document.Parsed; lineCounter: LineCounter } | undefined;
  constructor(
    private readonly text: string,
    readonly file: string,
    readonly value: unknown,
    readonly keyPositions?: Map<string, { line: number; col: number }>,
  ) {}

  private position(): { doc: Document.Parsed; lineCounter: LineCounter } {
    if (this.positioned === undefined) {
      const lineCounter = new LineCounter();
      const source = this.text.charCodeAt(0) === 0xfeff ? this.text.slice(1) : this.text;
      const [doc] = parseAllDocuments(source, { lineCounter, version: '1.2' }) as Document.Parsed[];
      this.positioned = { doc: doc!, lineCounter };
    }
    return this.positioned;
  }

  get doc(): Document.Parsed {
    return this.position().doc;
  }

  get lineCounter(): LineCounter {
    return this.position().lineCounter;
  }
}

function parseFully(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): Pick<LocatedIssue, 'line' | 'col'> => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, col: pos.col };
  };
  const issue = (message: string, offset?: number): LocatedIssue => ({
    file,
    ...at(offset),
    message,
  });

  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (isJsonFile(file)) {
    const invalid = jsonSyntaxError(source);
    if (invalid !== undefined) {
      const before = source.slice(0, invalid.offset);
      const line = before.split('\n').length;
      const col = invalid.offset - before.lastIndexOf('\n');
      return {
        ok: false,
        issues: [{ file, line, col, message: `invalid JSON: ${invalid.message}` }],
      };
    }
  }
  const tooDeep = nestingExceeded(source, MAX_DEPTH);
  if (tooDeep !== undefined) {
    const before = source.slice(0, tooDeep);
    const line = before.split('\n').length;
    const col = tooDeep - before.lastIndexOf('\n');
    return {
      ok: false,
      issues: [
        { file, line, col, message: `the data is nested more than ${MAX_DEPTH} levels deep` },
      ],
    };
  }
  let docs: Document.Parsed[];
  try {
    const all = parseAllDocuments(source, {
      lineCounter,
      prettyErrors: false,
      uniqueKeys: false, // checked below, so that both places can be named
      strict: true,
      version: '1.2',
    });
    docs = Array.isArray(all) ? all : [];
  } catch (error) {
    return { ok: false, issues: [issue(`cannot be parsed: ${describeThrown(error)}`)] };
  }
  if (docs.length === 0) return { ok: false, issues: [issue('the file has no content')] };
  if (docs.length > 1) {
    const second = docs[1]!;
    return {
      ok: false,
      issues: [
        issue(
          'the file holds more than one YAML document (a second one starts here); keep one document per file',
          second.range[0],
        ),
      ],
    };
  }
  const doc = docs[0]!;
  const issues: LocatedIssue[] = [];
  // should the parser still have run out of stack, one message says why
  const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
  if (overflow !== undefined) {
    return {
      ok: false,
      issues: [issue(`the data is nested more than ${MAX_DEPTH} levels deep`, overflow.pos[0])],
    };
  }
  // a tab in the indentation throws every line after it off: one message, the first tab's
  const tab = doc.errors.find((e) => e.code === 'TAB_AS_INDENT');
  if (tab !== undefined) {
    return {
      ok: false,
      issues: [
        issue(
          'a tab is used to indent; YAML indents with spaces only: replace the tab with spaces',
          tab.pos[0],
        ),
      ],
    };
  }
  // a line out of column is reported at that line, not where the parser notices it
  const badIndent = doc.errors.find((e) => INDENTATION_ERRORS.has(e.code));
  const misplaced =
    badIndent && lineOutOfColumn(source, lineCounter.linePos(badIndent.pos[0]).line);
  if (misplaced !== undefined) return { ok: false, issues: [{ file, ...misplaced }] };
  for (const error of [...doc.errors, ...doc.warnings]) {
    const message =
      error.code === 'TAG_RESOLVE_FAILED'
        ? `custom tag ${error.message
            .replace(/^.*?: /, '')
            .replace('tag:yaml.org,2002:', '!!')
            .replace(/\.$/, '')} is not allowed; trustcheck files are plain data`
        : `invalid YAML: ${firstLine(error.message)}`;
    issues.push(issue(message, error.pos[0]));
  }
  if (issues.length > 0) return { ok: false, issues };

  const where = (offset: number): string => {
    const pos = lineCounter.linePos(offset);
    return `${pos.line}:${pos.col}`;
  };
  checkStructure(doc.contents, 0, where, (message, offset) => issues.push(issue(message, offset)));
  refuseMergeKeys(doc, (message, offset) => issues.push(issue(message, offset)));
  if (issues.length > 0) return { ok: false, issues };

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message =
      error instanceof ReferenceError && /alias/i.test(error.message)
        ? `too many aliases (more than ${MAX_ALIAS_COUNT} expansions): the file may be an alias bomb; write the values out`
        : `cannot be read: ${describeThrown(error)}`;
    return { ok: false, issues: [issue(message)] };
  }
  return { ok: true, parsed: { file, doc, lineCounter, value } };
}

/**
 * JSON.parse's complaint about a .json file (YAML would be lenient), and where: the position V8
 * names, or else the shortest prefix of the text that fails for another reason than ending early.
 */
function jsonSyntaxError(text: string): { offset: number; message: string } | undefined {
  const failure = (n: number): { message: string; position?: number } | undefined => {
    try {
      JSON.parse(text.slice(0, n));
      return undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /at position (\d+)/.exec(message);
      return position === null ? { message } : { message, position: Number(position[1]) };
    }
  };
  const full = failure(text.length);
  if (full === undefined) return undefined;
  const clean = (m: string) =>
    m
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/, (\.\.\.)?".*$/s, '')
      .replace(/ after JSON at position.*$/s, ' after the JSON value');
  if (full.position !== undefined) return { offset: full.position, message: clean(full.message) };
  const endsEarly = (f: { message: string; position?: number }, n: number) =>
    /end of JSON input|Unterminated/.test(f.message) || (f.position ?? -1) >= n;
  let low = 1;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const f = failure(mid);
    if (f !== undefined && !endsEarly(f, mid)) high = mid;
    else low = mid + 1;
  }
  return { offset: Math.max(0, low - 1), message: clean(full.message) };
}

const isBlank = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * The offset where the data nests deeper than `max` levels below the top, if it does: checked
 * before parsing, because the parser would need a deep stack to find out. Measures real nesting
 * in one pass: block collections by their indentation (and `- - -` on one line), flow
 * collections by their brackets; text inside quoted and block scalars and comments is skipped.
 * It may count a level less than there is (a list at its parent key's indentation); the exact
 * count is made on the parsed tree.
 */
export function nestingExceeded(text: string, max: number): number | undefined {
  const open: number[] = []; // columns of the open block collections, increasing
  let flow = 0; // open [ and {
  let quote = ''; // the quote of a quoted scalar that goes on to the next line
  let blockScalarParent: number | undefined; // while in a block scalar: its parent's column
  // inside a plain (unquoted) scalar: a quote there is text, not the start of a quoted one
  let plain = false;
  // just after a quoted scalar: a `:` right there ends a key (`{"a":"b"}`)
  let afterQuoted = false;
  const tooDeep = () => open.length + flow - 1 > max;
  for (let pos = 0; pos <= text.length;) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    let i = pos;
    while (text[i] === ' ') i++;
    const indent = i - pos;
    const blank = i >= end || isBlank(text[i]);
    if (blockScalarParent !== undefined) {
      if (blank || indent > blockScalarParent) {
        pos = end + 1;
        continue;
      }
      blockScalarParent = undefined;
    }
    let atValue = false; // where a node may start: after `- `, `? `, `key: `
    let keyFound = false;
    let lineStart = i;
    // a plain scalar folded onto a more indented line goes on there
    if (
      plain &&
      quote === '' &&
      flow === 0 &&
      !blank &&
      indent > (open.at(-1) ?? -1) &&
      !/^[-?:][ \t]|^#/.test(text.slice(i, i + 2))
    ) {
      pos = end + 1;
      continue;
    }
    if (flow === 0) plain = false;
    if (quote === '' && flow === 0 && !blank && text[i] !== '#') {
      if (indent === 0 && /^(---|\.\.\.)$/.test(text.slice(i, i + 3)) && isBlank(text[i + 3])) {
        open.length = 0; // a document marker
        i += 3;
      } else {
        while (open.length > 0 && open.at(-1)! >= indent) open.pop();
      }
      // `- `, `? `, `: ` at the start: each opens a collection, `- - - x` one per dash
      while (
        i < end &&
        (text[i] === '-' || text[i] === '?' || text[i] === ':') &&
        isBlank(text[i + 1])
      ) {
        open.push(i - pos);
        if (tooDeep()) return i;
        i++;
        while (text[i] === ' ' || text[i] === '\t') i++;
      }
      lineStart = i;
      atValue = true;
    }
    for (; i < end; i++) {
      const c = text[i]!;
      if (quote !== '') {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else {
            quote = '';
            afterQuoted = true;
          }
        }
        continue;
      }
      const adjacent = afterQuoted;
      afterQuoted = false;
      if (c === ' ' || c === '\t' || c === '\r') continue;
      const previous = i === pos ? ' ' : text[i - 1]!;
      if (c === '#' && isBlank(previous)) break; // a comment
      if ((c === '"' || c === "'") && !plain && /[\s[{,:]/.test(previous)) {
        quote = c;
        atValue = false;
        continue;
      }
      if (flow > 0 && c === ',') {
        plain = false;
        continue;
      }
      if (c === '[' || c === '{') {
        if (flow > 0 || atValue) {
          flow++;
          plain = false;
          if (tooDeep()) return i;
          atValue = false;
          continue;
        }
      }
      if (c === ']' || c === '}') {
        if (flow > 0) {
          flow--;
          plain = false;
          continue;
        }
      }
      if (
        c === ':' &&
        (isBlank(text[i + 1]) || (flow > 0 && (adjacent || /[,[\]{}]/.test(text[i + 1] ?? ''))))
      ) {
        if (flow > 0) {
          plain = false;
          continue;
        }
      }
      if (c === '?' && isBlank(text[i + 1]) && !plain) continue;
      if (flow > 0 && c === '-' && isBlank(text[i + 1]) && !plain) continue;
      if (flow > 0) {
        plain = true;
        continue;
      }
      if (atValue && (c === '&' || c === '!')) {
        while (i + 1 < end && !isBlank(text[i + 1])) i++; // an anchor or tag before the value
        continue;
      }
      if (atValue && (c === '|' || c === '>')) {
        let j = i + 1;
        while (j < end && /[0-9+-]/.test(text[j]!)) j++;
        if (isBlank(text[j]) || j >= end) {
          // a block scalar: the lines indented more than its parent are its text
          blockScalarParent = open.length > 0 ? open.at(-1)! : -1;
          break;
        }
      }
      if (c === ':' && isBlank(text[i + 1])) {
        if (!keyFound && open.at(-1) !== lineStart - pos) {
          open.push(lineStart - pos);
          if (tooDeep()) return lineStart;
        }
        keyFound = true;
        atValue = true;
        plain = false;
        continue;
      }
      atValue = false;
      plain = true;
    }
    pos = end + 1;
  }
  return undefined;
}

/** Custom tags, duplicate keys, forbidden keys, non-scalar keys, excessive depth. */
function checkStructure(
  node: unknown,
  depth: number,
  where: (offset: number) => string,
  report: (message: string, offset?: number) => void,
): void {
  if (node === null || node === undefined) return;
  if (depth > MAX_DEPTH) {
    report(`the data is nested more than ${MAX_DEPTH} levels deep`, rangeStart(node));
    return;
  }
  const tag = (node as { tag?: string }).tag;
  if (tag !== undefined && !tag.startsWith('tag:yaml.org,2002:')) {
    report(`custom tag ${tag} is not allowed; trustcheck files are plain data`, rangeStart(node));
  }
  if (isMap(node)) {
    const seen = new Map<string, number | undefined>();
    for (const pair of node.items) {
      const key = pair.key;
      if (!isScalar(key) || (key.value !== null && typeof key.value === 'object')) {
        report('keys must be plain text', rangeStart(key));
        continue;
      }
      const name = String(key.value);
      const offset = rangeStart(key);
      if (FORBIDDEN_KEYS.has(name)) {
        report(`the key "${name}" is not allowed; rename it`, offset);
      }
      if (seen.has(name)) {
        const first = seen.get(name);
        report(
          `duplicate key "${name}"${first === undefined ? '' : ` (first given at line ${where(first)})`}; keep one of them`,
          offset,
        );
      } else {
        seen.set(name, offset);
      }
      checkStructure(pair.value, depth + 1, where, report);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) checkStructure(item, depth + 1, where, report);
  } else if (isPair(node)) {
    checkStructure(node.value, depth + 1, where, report);
  }
}

/**
 * Merge keys (`<<: *defaults`), refused by name at their own line. A merge key copies the fields
 * of another map; YAML 1.2, which trustcheck reads, has none, so it would be read as a key named
 * "<<" and the errors would point elsewhere. The message says what to write instead: the fields
 * it would copy (those the map does not give itself).
 */
function refuseMergeKeys(doc: Document.Parsed, report: (message: string, offset?: number) => void) {
  const visit = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (isSeq(node)) {
      for (const item of node.items) visit(item, depth + 1);
      return;
    }
    if (!isMap(node)) return;
    let own: Set<string> | undefined; // the map's keys, made at its first merge key
    for (const pair of node.items) {
      const key = pair.key;
      if (isScalar(key) && key.value === '<<' && key.type === 'PLAIN') {
        own ??= new Set(node.items.flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])));
        report(mergeKeyMessage(pair.value, own, doc), rangeStart(key));
      } else {
        visit(pair.value, depth + 1);
      }
    }
  };
  visit(doc.contents, 0);
}

/** What a merge key would copy, and where from, in words. */
function mergeKeyMessage(value: unknown, own: ReadonlySet<string>, doc: Document.Parsed): string {
  const sources = isSeq(value) ? value.items : [value];
  const names: string[] = [];
  const fields = new Set<string>();
  for (const source of sources) {
    let map: unknown = source;
    if (isAlias(source)) {
      names.push(`*${source.source}`);
      map = source.resolve(doc);
    }
    if (!isMap(map)) continue;
    for (const pair of map.items) {
      // the map's own fields win over the merged ones: those are not copied
      if (isScalar(pair.key) && !own.has(String(pair.key.value))) {
        fields.add(String(pair.key.value));
      }
    }
  }
  const from = names.length === 0 ? '' : ` from ${names.join(', ')}`;
  const list = fields.size === 0 ? '' : ` (${[...fields].join(', ')})`;
  return `"<<" is a merge key, which trustcheck does not read: its files are plain data; write the fields it would copy${from}${list} here instead`;
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function describeThrown(error: unknown): string {
  if (error instanceof RangeError || /call stack/i.test(String(error)))
    return 'the data is nested too deeply';
  return error instanceof Error ? firstLine(error.message) : String(error);
}

// Each map's pairs by key, made once per map when first asked: locating many issues in a
// large map stays linear (a search through the pairs per issue would not). Made again when the
// map has changed since (an answers file being edited).
const pairsByKey = new WeakMap<
  object,
  { items: unknown[]; size: number; index: Map<string, Pair> }
>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let cached = pairsByKey.get(map);
  if (cached === undefined || cached.items !== map.items || cached.size !== map.items.length) {
    const index = new Map<string, Pair>();
    for (const pair of map.items) {
      if (!isScalar(pair.key)) continue;
      const name = String(pair.key.value);
      if (!index.has(name)) index.set(name, pair);
    }
    cached = { items: map.items, size: map.items.length, index };
    pairsByKey.set(map, cached);
  }
  return cached.index.get(key);
}

/** Maps a path into the document to the best position: the node, or the deepest parent found. */
export function locate(parsed: ParsedDocument, issue: Issue): LocatedIssue {
  // a key the fast path has seen: its place without building the Document
  if (issue.at === 'key' && parsed.keyPositions !== undefined && issue.path.length > 0) {
    let path = '';
    for (const part of issue.path) path = pathKey(path, String(part));
    const at = parsed.keyPositions.get(path);
    if (at !== undefined)
      return { file: parsed.file, line: at.line, col: at.col, message: issue.message };
  }
  let node: unknown = parsed.doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < issue.path.length; i++) {
    const part = issue.path[i]!;
    const last = i === issue.path.length - 1;
    if (isAlias(node))
      node = (node as { resolve(doc: Document): Node | undefined }).resolve(parsed.doc);
    if (isMap(node)) {
      const pair = pairOf(node, String(part));
      if (pair === undefined) break;
      if (last && issue.at === 'key') {
        offset = rangeStart(pair.key) ?? offset;
        break;
      }
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(item) ?? offset;
    } else {
      break;
    }
  }
  const located: LocatedIssue = { file: parsed.file, message: issue.message };
  if (offset !== undefined) {
    const pos = parsed.lineCounter.linePos(offset);
    located.line = pos.line;
    located.col = pos.col;
  }
  return located;
}
