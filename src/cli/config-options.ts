// What a config file may hold, read from the commands' declarations (declarations.ts): every
// long option of every command that has options, so that a new option is configurable (and in
// the config's schema) without a second list. Used at run time, and at build time for
// schemas/config.schema.json and the validator made from it.
import type { CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import type { ConfigCommand, ConfigDescription, ConfigOption } from '../core/config.js';

/** Options whose value is a comma list of their choices, each with an example (see `commaList`). */
const COMMA_LISTS = new WeakMap<Option, string>();

/**
 * Marks `option` as taking a comma list of its choices (`--fail-on regression,overdue`): its
 * config value may be such a text or a list, and its schema says so.
 */
export function commaList<O extends Option>(option: O, example: string): O {
  COMMA_LISTS.set(option, example);
  return option;
}

/** The name of an option's value in its declaration (`<files...>`: files). */
const placeholder = (option: Option): string =>
  /[<[]([a-z-]+)(?:\.\.\.)?[>\]]/.exec(option.flags)?.[1] ?? '';

/**
 * A value named `<file>`, `<files...>` or `<dir>` is a path (resolved from the config file's
 * folder); `<ref>`/`<refs...>` a questionnaire REF, a path only when it looks like one.
 */
function valueKind(option: Option): ConfigOption['value'] {
  const name = placeholder(option);
  if (/^(file|files|dir|dirs)$/.test(name)) return 'path';
  if (/^refs?$/.test(name)) return 'ref';
  return 'text';
}

function configOption(option: Option, negatedAlone: boolean): ConfigOption {
  const long = option.long!;
  const described: ConfigOption = {
    key: negatedAlone ? long.slice('--no-'.length) : long.slice(2),
    attribute: option.attributeName(),
    description: option.description,
    takes: negatedAlone
      ? 'negated'
      : option.required
        ? 'value'
        : option.optional
          ? 'optional-value'
          : 'flag',
    // a list: variadic (`<files...>`), or repeatable (`-o a -o b`, a list by default)
    variadic: option.variadic || Array.isArray(option.defaultValue),
    value: valueKind(option),
  };
  if (option.short !== undefined) described.short = option.short;
  if (option.argChoices !== undefined) described.choices = [...option.argChoices];
  const example = COMMA_LISTS.get(option);
  if (example !== undefined) described.commaList = example;
  const value: unknown = option.defaultValue;
  if (
    !negatedAlone &&
    (typeof value === 'string' ||
      typeof value === 'boolean' ||
      (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')))
  ) {
    described.default = value;
  }
  return described;
}

/** A command's options as config keys: `--no-x` only where there is no `--x` (then it is `x: false`). */
function commandOptions(command: CommandUnknownOpts): ConfigOption[] {
  const options = command.options.filter((o) => o.long !== undefined && !o.hidden);
  return options
    .filter(
      (o) =>
        !o.negate || !options.some((p) => !p.negate && p.attributeName() === o.attributeName()),
    )
    .map((o) => configOption(o, o.negate));
}

const hidden = (c: CommandUnknownOpts): boolean =>
  (c as unknown as { _hidden?: boolean })._hidden === true;

/** Every command of `program` with the options a config can give it (the program's own are not). */
export function describeConfig(program: CommandUnknownOpts): ConfigDescription {
  const commands: ConfigCommand[] = [];
  const bare: string[][] = [];
  const languages = new Set<string>();
  const visit = (command: CommandUnknownOpts, path: string[]): void => {
    for (const sub of command.commands) {
      if (hidden(sub)) continue;
      const subPath = [...path, sub.name()];
      const options = commandOptions(sub);
      if (options.length > 0) {
        commands.push({
          path: subPath,
          description: sub.summary() || sub.description(),
          options,
        });
        for (const o of options) if (o.key === 'lang') o.choices?.forEach((l) => languages.add(l));
      } else if (sub.commands.length === 0) {
        bare.push(subPath);
      }
      visit(sub, subPath);
    }
  };
  visit(program, []);
  return { commands, bare, languages: [...languages] };
}

/** The description of the command that runs (found by its path in `description`). */
export function commandPath(command: CommandUnknownOpts): string[] {
  const path: string[] = [];
  for (let c: CommandUnknownOpts | null = command; c?.parent != null; c = c.parent) {
    path.unshift(c.name());
  }
  return path;
}
