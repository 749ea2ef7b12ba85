// Checking a config that was found (io/config-file.ts), with the rigour of every input: every key
// that is not an option where it stands says where it belongs (core/config.ts), every value is
// checked by the validator generated from the config's schema (so the CLI takes what editors
// accept), and each problem is placed at its file:line:col.
import * as validators from '../generated/validators.cjs';
import type { AjvError, ValidateFunction } from '../generated/validators.cjs';
import { unknownKeyIssues, type ConfigDescription } from '../core/config.js';
import type { Issue, LocatedIssue, Result } from '../core/issues.js';
import type { FoundConfig } from '../io/config-file.js';
import { locate } from '../io/document.js';
import { schemaIssues } from '../io/schema-issues.js';
import { sortIssues } from './load.js';

/** The generated validator, without its "unknown field" errors: unknownKeyIssues says more. */
const valuesOnly: ValidateFunction = Object.assign(
  (data: unknown): boolean => {
    const valid = validators.config(data);
    const errors = (validators.config.errors ?? []).filter(
      (e: AjvError) => e.keyword !== 'additionalProperties',
    );
    valuesOnly.errors = errors;
    return valid || errors.length === 0;
  },
  { errors: null as AjvError[] | null },
);

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'a text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `${value}`;
  return 'a value of another kind';
}

/**
 * The options of a found config, checked against what the commands take (`description`). An
 * empty file (or one of comments only) is a config without options.
 */
export function checkConfig(
  found: FoundConfig,
  description: ConfigDescription,
): Result<Record<string, unknown>> {
  const value = found.value ?? {};
  const place = (issue: Issue): LocatedIssue => {
    const at: Issue = { ...issue, path: [...found.at, ...issue.path] };
    return found.parsed === undefined
      ? { file: found.file, message: at.message }
      : locate(found.parsed, at);
  };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      issues: [
        place({
          path: [],
          message: `the config must be a map of commands and their options (key: value lines), found ${kindOf(value)}`,
        }),
      ],
      warnings: [],
    };
  }
  const issues = [...unknownKeyIssues(value, description), ...schemaIssues(valuesOnly, value)];
  if (issues.length > 0) {
    return { ok: false, issues: sortIssues(issues.map(place)), warnings: [] };
  }
  return { ok: true, value: value as Record<string, unknown>, warnings: [] };
}
