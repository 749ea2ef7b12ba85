// Turns ajv's errors into sentences a non-programmer understands, each at the path of the
// offending value. Alternatives (anyOf) are collapsed: when the value's type picks one
// alternative, that alternative's errors are kept; otherwise one "expected …" sentence is.
import type { AjvError, ValidateFunction } from '../generated/validators.cjs';
import { didYouMean, quote, type Issue, type Path } from '../core/issues.js';
import {
  ANSWER_KEYS,
  meantAnswers,
  misplacedKeyMessages,
  notAnAnswerMessage,
} from '../core/answers.js';
import { DATE_PATTERN, ID_PATTERN, LANGUAGE_PATTERN, SEMVER_PATTERN } from '../core/formats.js';

export function schemaIssues(validate: ValidateFunction, value: unknown): Issue[] {
  if (validate(value)) return [];
  const errors = collapseAlternatives(validate.errors ?? []);
  const issues = errors.map((e) => misplacedAnswerKey(e, value) ?? describe(e));
  // one message per place is enough
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('\u0000')}\u0001${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const DECIDING = new Set(['type', 'enum', 'const', 'anyOf', 'oneOf']);

/**
 * Linear in the number of errors: each error is filed once under the alternatives (an anyOf at
 * a place) whose branches it comes from, found by its schema path and instance path in a Map.
 */
function collapseAlternatives(errors: AjvError[]): AjvError[] {
  const alternatives = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  if (alternatives.length === 0) return errors;
  // schema path -> instance path -> the alternative there
  const byPlace = new Map<string, Map<string, AjvError>>();
  for (const a of alternatives) {
    let byInstance = byPlace.get(a.schemaPath);
    if (byInstance === undefined) {
      byInstance = new Map<string, AjvError>();
      byPlace.set(a.schemaPath, byInstance);
    }
    if (!byInstance.has(a.instancePath)) byInstance.set(a.instancePath, a);
  }
  // the schema paths of alternatives above each schema path (few distinct ones: made once each)
  const above = new Map<string, string[]>();
  const alternativesAbove = (schemaPath: string): string[] => {
    let list = above.get(schemaPath);
    if (list === undefined) {
      list = [...byPlace.keys()].filter((p) => schemaPath.startsWith(`${p}/`));
      above.set(schemaPath, list);
    }
    return list;
  };
  const members = new Map<AjvError, AjvError[]>();
  for (const e of errors) {
    const schemaPaths = alternativesAbove(e.schemaPath);
    if (schemaPaths.length === 0) continue;
    const instances = prefixes(e.instancePath);
    for (const schemaPath of schemaPaths) {
      const byInstance = byPlace.get(schemaPath)!;
      // the alternative at this error's place or the nearest one above it
      for (let j = instances.length - 1; j >= 0; j--) {
        const alternative = byInstance.get(instances[j]!);
        if (alternative === undefined) continue;
        const list = members.get(alternative);
        if (list === undefined) members.set(alternative, [e]);
        else list.push(e);
        break;
      }
    }
  }
  const removed = new Set<AjvError>();
  for (const alternative of alternatives) {
    if (removed.has(alternative)) continue;
    const prefix = `${alternative.schemaPath}/`;
    const branches = new Map<string, AjvError[]>();
    for (const e of members.get(alternative) ?? []) {
      if (removed.has(e)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      const list = branches.get(branch);
      if (list === undefined) branches.set(branch, [e]);
      else list.push(e);
    }
    const matching = [...branches.values()].filter(
      (list) =>
        !list.some((e) => e.instancePath === alternative.instancePath && DECIDING.has(e.keyword)),
    );
    const keep = matching.length === 1 ? new Set(matching[0]) : new Set<AjvError>();
    if (matching.length === 1) removed.add(alternative);
    for (const list of branches.values()) {
      for (const e of list) if (!keep.has(e)) removed.add(e);
    }
  }
  return errors.filter((e) => !removed.has(e));
}

/** "/a/b" -> ["", "/a", "/a/b"] */
function prefixes(instancePath: string): string[] {
  const parts = instancePath.split('/');
  const out = [parts[0]!];
  for (let i = 1; i < parts.length; i++) out.push(`${out[i - 1]!}/${parts[i]!}`);
  return out;
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function fieldName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i];
    if (typeof part === 'string') return `"${part}"`;
  }
  return 'the document';
}

function describeValue(data: unknown): string {
  if (data === null || data === undefined) return 'nothing';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a map';
  if (typeof data === 'string')
    return `the text "${data.length > 40 ? `${data.slice(0, 40)}…` : data}"`;
  if (typeof data === 'boolean') return `${data}`;
  return typeof data === 'number' ? `the number ${data}` : 'a value of another kind';
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  object: 'a map (key: value lines)',
  array: 'a list',
  boolean: 'true or false',
  null: 'nothing',
  number: 'a number',
  integer: 'a whole number',
};

const PATTERNS: Record<string, string> = {
  [ID_PATTERN]:
    'a valid id: use lower-case letters, digits and single hyphens (kebab-case), such as "renewal-warning"',
  [SEMVER_PATTERN]: 'a semantic version such as "1.0.0"',
  [DATE_PATTERN]: 'a date written as YYYY-MM-DD, such as 2026-11-23',
  [LANGUAGE_PATTERN]: 'a two-letter language code such as en or nl',
};

interface SchemaNode {
  type?: string | string[];
  enum?: (string | number | boolean | null)[];
  const?: string | number | boolean | null;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
}

/** "yes, no, na, true or false, or a map": what the alternatives of an anyOf accept. */
function describeAlternatives(schema: SchemaNode): string[] {
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches !== undefined) return branches.flatMap(describeAlternatives);
  if (schema.enum !== undefined)
    return schema.enum.map((v) => (v === null ? 'nothing (~)' : String(v)));
  if (schema.const !== undefined) return [String(schema.const)];
  const types = Array.isArray(schema.type)
    ? schema.type
    : schema.type === undefined
      ? []
      : [schema.type];
  return types.map((t) => (t === 'null' ? 'nothing (~)' : (TYPE_NAMES[t] ?? t)));
}

function orList(items: string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= 1
    ? (unique[0] ?? '')
    : `${unique.slice(0, -1).join(', ')} or ${unique.at(-1)!}`;
}

/**
 * `note:` (or `answer:`, `evidence:`, `until:`) of an answer file written at the level of the
 * statements, where it reads as a statement id: it belongs under the statement above it.
 */
function misplacedAnswerKey(error: AjvError, document: unknown): Issue | undefined {
  const path = pathOf(error.instancePath);
  if (path.length !== 5 || path[0] !== 'questionnaires' || path[2] !== 'answers') return undefined;
  const key = path[4];
  if (typeof key !== 'string' || !ANSWER_KEYS.has(key)) return undefined;
  let section: unknown = document;
  for (const part of path.slice(0, 4)) {
    section =
      section !== null && typeof section === 'object' && Object.hasOwn(section, part)
        ? (section as Record<string, unknown>)[part]
        : undefined;
  }
  if (section === null || typeof section !== 'object') return undefined;
  const message = misplacedKeyMessages(section as Record<string, unknown>).get(key);
  return message === undefined ? undefined : { path, at: 'key', message };
}

/** An answer written in a way that is not one (`Yes`, `ja`, `N/A`): what it probably means. */
function notAnAnswer(error: AjvError, path: Path): Issue | undefined {
  if (typeof error.data !== 'string') return undefined;
  const accepted = describeAlternatives((error.parentSchema ?? {}) as SchemaNode);
  if (!accepted.includes('yes')) return undefined;
  const meant = meantAnswers(error.data);
  return meant.length === 0 ? undefined : { path, message: notAnAnswerMessage(error.data, meant) };
}

function describe(error: AjvError): Issue {
  const path = pathOf(error.instancePath);
  const field = path.length === 0 ? 'the file' : fieldName(path);
  const description = error.parentSchema?.description;
  const about = description === undefined ? '' : ` (${description})`;
  switch (error.keyword) {
    case 'required': {
      const missing = String(error.params.missingProperty);
      const properties = (error.parentSchema?.properties ?? {}) as Record<
        string,
        { description?: string }
      >;
      const what = properties[missing]?.description;
      return {
        path,
        message: `missing "${missing}"${what === undefined ? '' : ` (${what})`}; add \`${missing}: …\` here`,
      };
    }
    case 'additionalProperties': {
      const extra = String(error.params.additionalProperty);
      const known = Object.keys(error.parentSchema?.properties ?? {}).filter(
        (k) => k !== '$schema',
      );
      const guess = didYouMean(extra, known);
      return {
        path: [...path, extra],
        at: 'key',
        message: `unknown field ${quote(extra)}${guess.startsWith('; did') ? guess : `; allowed here: ${known.join(', ')}`}`,
      };
    }
    case 'const': {
      const expected = String(error.params.allowedValue);
      if (path.length === 1 && path[0] === 'format') {
        return {
          path,
          message: `"format" must be "${expected}", found ${describeValue(error.data)}; is this the right kind of file?`,
        };
      }
      return {
        path,
        message: `${field} must be "${expected}", found ${describeValue(error.data)}`,
      };
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      return {
        path,
        message: `${field} must be one of ${allowed.join(', ')}, found ${describeValue(error.data)}${
          typeof error.data === 'string'
            ? didYouMean(error.data, allowed).replace(/; expected.*$/, '')
            : ''
        }`,
      };
    }
    case 'type': {
      const expected = String(error.params.type)
        .split(',')
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ');
      const quoteIt =
        error.params.type === 'string' && typeof error.data === 'number'
          ? '; put the value in quotes'
          : '';
      return {
        path,
        message: `${field} must be ${expected}, found ${describeValue(error.data)}${quoteIt}`,
      };
    }
    case 'pattern':
      return {
        path,
        message: `${field} must be ${PATTERNS[String(error.params.pattern)] ?? description ?? `in the form ${String(error.params.pattern)}`}, found ${describeValue(error.data)}`,
      };
    case 'propertyNames':
      return {
        path: [...path, String(error.params.propertyName)],
        at: 'key',
        message: `${quote(String(error.params.propertyName))} is not allowed as a key here${about}`,
      };
    case 'minLength':
      return { path, message: `${field} must not be empty` };
    case 'minItems':
      return { path, message: `${field} needs at least ${String(error.params.limit)} entry` };
    case 'anyOf':
    case 'oneOf':
      return (
        notAnAnswer(error, path) ?? {
          path,
          message: `${field} must be ${orList(describeAlternatives(error.parentSchema as SchemaNode))}, found ${describeValue(error.data)}`,
        }
      );
    default:
      return { path, message: `${field} ${error.message ?? 'is not valid'}` };
  }
}
