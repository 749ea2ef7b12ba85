// The config file (trustcheck.config.yaml, .trustcheckrc, "trustcheck" in package.json), pure:
// what it may hold is described by the commands' own declarations (the shell turns them into a
// ConfigDescription), and from that description come its JSON Schema, the messages for keys that
// are not options, and the values each command takes from it.
import { quote, nearest, suggestion, type Issue } from './issues.js';
import type { JsonSchema } from './editor-schema.js';

/** What a command's option takes, as its declaration says. */
export type OptionTakes =
  /** `--strict`: true or false */
  | 'flag'
  /** `--no-step-summary` alone: the option is on unless turned off (`step-summary: false`) */
  | 'negated'
  /** `--baseline <file>` */
  | 'value'
  /** `--resume [file]`: the flag alone, or a value */
  | 'optional-value';

/** An option as the config file names it: its long name without the dashes. */
export interface ConfigOption {
  /** The key in the config file: `fail-on` (for --no-step-summary: `step-summary`). */
  key: string;
  /** Where commander keeps its value: `failOn`. */
  attribute: string;
  /** `-f`, when the option has one. */
  short?: string;
  description: string;
  takes: OptionTakes;
  variadic: boolean;
  choices?: readonly string[];
  /** A comma list of the choices (`--fail-on regression,overdue`), a list in a config: an example. */
  commaList?: string;
  default?: string | boolean | readonly string[];
  /** A path resolves from the config file's folder; a REF only when it is a path. */
  value: 'path' | 'ref' | 'text';
}

export interface ConfigCommand {
  /** `['audit']`, `['questionnaires', 'show']` */
  path: readonly string[];
  description: string;
  options: readonly ConfigOption[];
}

export interface ConfigDescription {
  /** The commands that have options, in the order of `--help`. */
  commands: readonly ConfigCommand[];
  /** The commands without options: named in a message, never configured. */
  bare: readonly (readonly string[])[];
  /** The choices of the top-level `lang` (the `--lang` of every command that has one). */
  languages: readonly string[];
}

/** The key of the top-level language, which every command with a `--lang` takes. */
export const TOP_LANGUAGE = 'lang';

export const commandName = (path: readonly string[]): string => path.join(' ');

// ---------------------------------------------------------------------------------------------
// the JSON Schema, for editors and for the CLI's own validator (both generated at build time)

function valueSchema(option: ConfigOption): JsonSchema {
  if (option.commaList !== undefined && option.choices !== undefined) {
    const word = `(${option.choices.join('|')})`;
    return {
      anyOf: [
        // the choices alone first, for an editor to offer them
        { enum: [...option.choices] },
        {
          type: 'string',
          pattern: `^${word}(,${word})*$`,
          description: `${option.choices.join(', ')}, or a comma list of them such as ${option.commaList}`,
        },
        { type: 'array', items: { enum: [...option.choices] }, minItems: 1 },
      ],
    };
  }
  const one: JsonSchema =
    option.choices === undefined ? { type: 'string', minLength: 1 } : { enum: [...option.choices] };
  switch (option.takes) {
    case 'flag':
    case 'negated':
      return { type: 'boolean' };
    case 'optional-value':
      return { anyOf: [{ type: 'boolean' }, one] };
    case 'value':
      return option.variadic ? { anyOf: [one, { type: 'array', items: one, minItems: 1 }] } : one;
  }
}

function optionSchema(option: ConfigOption): JsonSchema {
  const what =
    option.takes === 'negated'
      ? `false: ${option.description} (as --no-${option.key}); true is the default`
      : option.variadic || option.commaList !== undefined
        ? `${option.description} (one, or a list)`
        : option.description;
  const schema: JsonSchema = { description: what, ...valueSchema(option) };
  if (option.default !== undefined) schema.default = option.default;
  return schema;
}

function commandSchema(command: ConfigCommand): JsonSchema {
  return {
    type: 'object',
    description: `the options of trustcheck ${commandName(command.path)}: ${command.description}`,
    properties: Object.fromEntries(command.options.map((o) => [o.key, optionSchema(o)])),
    additionalProperties: false,
  };
}

/** The config's JSON Schema: a map per command (nested for subcommands), plus a top-level lang. */
export function configSchema(
  description: ConfigDescription,
  meta: { id: string; title: string },
): JsonSchema {
  // a tree of the command paths: a group (questionnaires) holds its subcommands' maps
  type Node = { command?: ConfigCommand; children: Map<string, Node> };
  const tree: Node = { children: new Map() };
  for (const command of description.commands) {
    let node = tree;
    for (const name of command.path) {
      let child = node.children.get(name);
      if (child === undefined) {
        child = { children: new Map() };
        node.children.set(name, child);
      }
      node = child;
    }
    node.command = command;
  }
  const schemaOf = (node: Node, path: string[]): JsonSchema =>
    node.command !== undefined
      ? commandSchema(node.command)
      : {
          type: 'object',
          description: `the options of the trustcheck ${path.join(' ')} commands, one map per command`,
          properties: Object.fromEntries(
            [...node.children].map(([name, child]) => [name, schemaOf(child, [...path, name])]),
          ),
          additionalProperties: false,
        };
  const properties: Record<string, JsonSchema> = {
    $schema: { type: 'string', description: 'the JSON Schema, for editors' },
  };
  if (description.languages.length > 0) {
    properties[TOP_LANGUAGE] = {
      description: 'the language of every command that has --lang (a command’s own lang wins)',
      enum: [...description.languages],
    };
  }
  for (const [name, child] of tree.children) properties[name] = schemaOf(child, [name]);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: meta.id,
    title: meta.title,
    description:
      'trustcheck’s options per command, by their long names (trustcheck.config.yaml, .trustcheckrc or "trustcheck" in package.json); options on the command line win',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

// ---------------------------------------------------------------------------------------------
// keys that are not options: where they belong, or what was meant

const isMap = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const listed = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;

const under = (path: readonly string[]): string => path.map((p) => `${p}:`).join(' ');

/** The message for `key`, unknown in the map of `command` (or at the top, for []). */
function unknownKey(
  description: ConfigDescription,
  where: readonly string[],
  key: string,
  known: readonly string[],
): string {
  const owners = description.commands.filter((c) => c.options.some((o) => o.key === key));
  const own = description.commands.find((c) => commandName(c.path) === commandName(where));
  // a command without options
  if (description.bare.some((b) => commandName(b) === commandName([...where, key]))) {
    return `trustcheck ${commandName([...where, key])} has no options to set; remove ${quote(key)}`;
  }
  if (own !== undefined) {
    // the command line's spelling of an option of this command
    const bare = key.replace(/^-+/, '');
    const byShort = own.options.find((o) => o.short !== undefined && o.short === `-${bare}`);
    if (byShort !== undefined) {
      return `${quote(key)} is the short name of --${byShort.key}; write the long name, ${byShort.key}:`;
    }
    const byName = own.options.find((o) => o.key === bare || o.attribute === key);
    if (byName !== undefined)
      return `write the option's long name, ${byName.key}:, instead of ${quote(key)}`;
    const negated = /^no-(.+)$/.exec(bare)?.[1];
    const positive = own.options.find((o) => o.key === negated);
    if (positive !== undefined) {
      return positive.takes === 'negated' || positive.takes === 'flag'
        ? `write "${positive.key}: false" instead of ${quote(key)}`
        : `${quote(key)} is for the command line; to go without "${positive.key}", leave it out of the config`;
    }
  }
  if (owners.length > 0 && !owners.some((c) => commandName(c.path) === commandName(where))) {
    const names = owners.map((c) => commandName(c.path));
    const lang =
      key === TOP_LANGUAGE && description.languages.length > 0
        ? ', or at the top of the config (then every command with --lang takes it)'
        : '';
    const subject =
      where.length === 0
        ? `${quote(key)} is an option of ${listed(names)}`
        : `trustcheck ${commandName(where)} has no option ${quote(key)}; ${listed(names)} ${owners.length === 1 ? 'has' : 'have'} one`;
    return `${subject}: put it under ${owners.map((c) => under(c.path)).join(' or ')}${lang}`;
  }
  const guess = nearest(key, known);
  const rest = suggestion(guess, known);
  if (where.length === 0) return `unknown key ${quote(key)}${rest}`;
  if (own === undefined)
    return `trustcheck ${commandName(where)} has no command ${quote(key)}${rest}`;
  return `trustcheck ${commandName(where)} has no option ${quote(key)}${rest === '' ? `; see trustcheck ${commandName(where)} --help` : rest}`;
}

/**
 * Every key of `config` that is not an option where it stands, each with where it belongs or
 * what it probably is: an option of another command, a short name, a misspelling. Values are
 * checked by the schema; this says more about keys than a schema can.
 */
export function unknownKeyIssues(config: unknown, description: ConfigDescription): Issue[] {
  const issues: Issue[] = [];
  // the names each map knows: the top, each group (questionnaires), each command
  const known = new Map<string, string[]>();
  const add = (path: readonly string[], name: string) => {
    const list = known.get(commandName(path)) ?? [];
    if (!list.includes(name)) list.push(name);
    known.set(commandName(path), list);
  };
  add([], '$schema');
  if (description.languages.length > 0) add([], TOP_LANGUAGE);
  for (const command of description.commands) {
    command.path.forEach((name, i) => add(command.path.slice(0, i), name));
    for (const option of command.options) add(command.path, option.key);
  }
  // the maps of the config: each command's, and each group's (questionnaires) above them
  const maps = new Set(
    description.commands.flatMap((c) => c.path.map((_, i) => commandName(c.path.slice(0, i + 1)))),
  );
  const visit = (value: unknown, path: readonly string[]): void => {
    if (!isMap(value)) return; // a wrong type is the schema's to say
    const names = known.get(commandName(path)) ?? [];
    for (const key of Object.keys(value)) {
      const child = [...path, key];
      if (!names.includes(key)) {
        issues.push({ path: child, at: 'key', message: unknownKey(description, path, key, names) });
      } else if (maps.has(commandName(child))) {
        visit(value[key], child);
      }
    }
  };
  visit(config, []);
  return issues;
}

// ---------------------------------------------------------------------------------------------
// the values a command takes from a valid config

/** A valid config's map for `path` (the command's own options), if it has one. */
function sectionOf(
  config: Record<string, unknown>,
  path: readonly string[],
): Record<string, unknown> {
  let at: unknown = config;
  for (const name of path) at = isMap(at) && Object.hasOwn(at, name) ? at[name] : undefined;
  return isMap(at) ? at : {};
}

/**
 * The values `command` takes from a valid `config`, by option: its own map, and the top-level
 * lang for its --lang when its map has none. As the command line would give them: a list for a
 * variadic option, a flag that is off left out (as when not given).
 */
export function configuredValues(
  config: Record<string, unknown>,
  command: ConfigCommand,
): Map<ConfigOption, string | boolean | string[]> {
  const section = sectionOf(config, command.path);
  const values = new Map<ConfigOption, string | boolean | string[]>();
  for (const option of command.options) {
    let value = Object.hasOwn(section, option.key) ? section[option.key] : undefined;
    if (value === undefined && option.key === TOP_LANGUAGE && Object.hasOwn(config, TOP_LANGUAGE))
      value = config[TOP_LANGUAGE];
    if (value === undefined || value === null) continue;
    if (option.takes === 'negated') {
      values.set(option, value === true);
    } else if (typeof value === 'boolean') {
      // a flag (or `--resume` alone): on is given, off is as if absent
      if (value) values.set(option, true);
    } else if (typeof value === 'string') {
      values.set(option, option.variadic ? [value] : value);
    } else if (Array.isArray(value)) {
      const texts = value.filter((v): v is string => typeof v === 'string');
      // a comma list is one value on the command line: `[regression, overdue]` as `regression,overdue`
      values.set(option, option.commaList !== undefined ? texts.join(',') : texts);
    }
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// what is said of a file that looks like a config and is not read (in English, as every warning
// about a file is, so that a log can be searched for it)

export const IGNORED_CONFIG = {
  javascript: (file: string) =>
    `${file} is not read: trustcheck never runs JavaScript as a config; write its options in trustcheck.config.yaml (or .json)`,
  shadowed: (file: string, used: string) =>
    `${file} is not used: ${used} in the same folder comes first; keep one config file`,
};
