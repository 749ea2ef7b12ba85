// Turns ajv's errors into sentences a non-programmer understands, each at the path of the
// offending value. Alternatives (anyOf) are collapsed: when the value's type picks one
// alternative, that alternative's errors are kept; otherwise one "expected …" sentence is.
import type { AjvError, ValidateFunction } from '../generated/validators.cjs';
import { didYouMean, type Issue, type Path } from '../core/issues.js';
import { DATE_PATTERN, ID_PATTERN, LANGUAGE_PATTERN, SEMVER_PATTERN } from '../core/formats.js';

export function schemaIssues(validate: ValidateFunction, value: unknown): Issue[] {
  if (validate(value)) return [];
  const errors = collapseAlternatives(validate.errors ?? []);
  const issues = errors.map(describe);
  // one message per place is enough
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path.join('\u0000')}\u0001${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collapseAlternatives(errors: AjvError[]): AjvError[] {
  let remaining = errors;
  const alternatives = errors
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const alternative of alternatives) {
    if (!remaining.includes(alternative)) continue;
    const prefix = `${alternative.schemaPath}/`;
    const branches = new Map<string, AjvError[]>();
    for (const e of remaining) {
      if (!e.schemaPath.startsWith(prefix)) continue;
      const branch = e.schemaPath.slice(prefix.length).split('/')[0]!;
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const matching = [...branches.values()].filter(
      (list) =>
        !list.some(
          (e) =>
            e.instancePath === alternative.instancePath &&
            ['type', 'enum', 'const', 'anyOf', 'oneOf'].includes(e.keyword),
        ),
    );
    const inBranches = new Set([...branches.values()].flat());
    if (matching.length === 1) {
      const keep = new Set(matching[0]);
      remaining = remaining.filter((e) => e !== alternative && (!inBranches.has(e) || keep.has(e)));
    } else {
      remaining = remaining.filter((e) => !inBranches.has(e));
    }
  }
  return remaining;
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
        message: `unknown field "${extra}"${guess.startsWith('; did') ? guess : `; allowed here: ${known.join(', ')}`}`,
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
        message: `"${String(error.params.propertyName)}" is not allowed as a key here${about}`,
      };
    case 'minLength':
      return { path, message: `${field} must not be empty` };
    case 'minItems':
      return { path, message: `${field} needs at least ${String(error.params.limit)} entry` };
    case 'anyOf':
    case 'oneOf':
      return {
        path,
        message: `${field} must be ${orList(describeAlternatives(error.parentSchema as SchemaNode))}, found ${describeValue(error.data)}`,
      };
    default:
      return { path, message: `${field} ${error.message ?? 'is not valid'}` };
  }
}
