// A config that was found, given to the command about to run: checked (app/config.ts), its
// paths resolved from the config file's folder, set where the command line set nothing; and the
// effective options as YAML for --print-config. Loaded only when there is a config to apply or
// options to print.
import { isAbsolute, relative, resolve } from 'node:path';
import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { isPathRef } from '../app/registry.js';
import { checkConfig } from '../app/config.js';
import {
  commandName,
  configuredValues,
  type ConfigDescription,
  type ConfigOption,
} from '../core/config.js';
import { unwrap } from '../errors.js';
import type { ConfigLookup, FoundConfig } from '../io/config-file.js';
import { Document, isScalar } from 'yaml';
import { commandPath, describeConfig } from './config-options.js';
import type { Context } from './context.js';
import type { Program } from './declarations.js';

type Value = string | boolean | string[];

/** A value of `option` written in the config, as the command takes it from the current folder. */
function fromFolder(option: ConfigOption, value: Value, folder: string, cwd: string): Value {
  const one = (v: string): string => {
    const isPath = option.value === 'path' ? v !== '-' : option.value === 'ref' && isPathRef(v);
    if (!isPath || isAbsolute(v) || folder === cwd) return v;
    return relative(cwd, resolve(folder, v)) || '.';
  };
  if (typeof value === 'boolean') return value;
  return Array.isArray(value) ? value.map(one) : one(value);
}

/**
 * Checks the config and gives `command` the options it sets where the command line gave none.
 * With --print-config, returns the effective options as YAML (else undefined).
 */
export function applyFound(
  ctx: Context,
  program: Program,
  command: CommandUnknownOpts,
  run: { found: FoundConfig | undefined; cwd: string; lookup: ConfigLookup | undefined },
): string | undefined {
  const description = describeConfig(program);
  const path = commandPath(command);
  const described = description.commands.find((c) => commandName(c.path) === commandName(path));
  const { found, cwd } = run;
  if (found !== undefined) {
    const config = unwrap(checkConfig(found, description));
    if (described !== undefined) {
      for (const [option, value] of configuredValues(config, described)) {
        const source = command.getOptionValueSource(option.attribute);
        if (source === 'cli' || source === 'env') continue;
        command.setOptionValueWithSource(
          option.attribute,
          fromFolder(option, value, found.folder, cwd),
          'config',
        );
      }
    }
    ctx.config = found.file;
  }
  return program.opts().printConfig === true
    ? effectiveOptions(command, path, described, run)
    : undefined;
}

/** The options `command` runs with, as YAML: each with where it came from. */
function effectiveOptions(
  command: CommandUnknownOpts,
  path: string[],
  described: ConfigDescription['commands'][number] | undefined,
  run: { found: FoundConfig | undefined; cwd: string; lookup: ConfigLookup | undefined },
): string {
  const options: Record<string, unknown> = {};
  const sources = new Map<string, string>();
  const from = (source: string | undefined): string =>
    source === 'cli'
      ? 'command line'
      : source === 'config'
        ? (run.found?.file ?? 'config')
        : (source ?? 'default');
  for (const option of described?.options ?? []) {
    const value: unknown = command.getOptionValue(option.attribute);
    if (value === undefined) continue;
    options[option.key] = value;
    sources.set(option.key, from(command.getOptionValueSource(option.attribute)));
  }
  const doc = new Document({
    command: commandName(path),
    config: run.found?.file ?? null,
    options,
  });
  const map = doc.get('options', true) as { items: { key: unknown; value: unknown }[] } | undefined;
  for (const pair of map?.items ?? []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const comment = ` ${sources.get(key) ?? ''}`;
    if (isScalar(pair.value)) pair.value.comment = comment;
    else if (isScalar(pair.key)) pair.key.comment = comment;
  }
  const where =
    run.lookup === undefined
      ? 'config files are ignored (--no-config)'
      : run.found !== undefined
        ? `options from the command line, then ${run.found.file}, then the defaults`
        : `no config file in ${run.lookup.ok ? run.lookup.searched.map((f) => relative(run.cwd, f) || '.').join(', ') : ''}`;
  doc.commentBefore = ` trustcheck ${commandName(path)}: ${where}`;
  return doc.toString();
}
