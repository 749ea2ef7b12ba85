// The config file, applied before a command runs: found (or named with --config, or ignored
// with --no-config), checked, and its options given to the command where the command line gave
// none (commander's 'config' source: a flag always wins). --print-config prints the result and
// ends there. A run without a config file loads nothing more than the search.
import { resolve } from 'node:path';
import { CommanderError, type CommandUnknownOpts } from '@commander-js/extra-typings';
import { IGNORED_CONFIG } from '../core/config.js';
import { TrustcheckError } from '../errors.js';
import { readConfigFile, searchConfig, type ConfigLookup } from '../io/config-file.js';
import { readStreams } from '../io/read.js';
import type { Context } from './context.js';
import type { Program } from './declarations.js';

/** The exit of --print-config: done, like --help, before the command runs. */
export const PRINTED_CONFIG = 'trustcheck.printedConfig';

/** Finds the config for `command` (about to run) and gives it the options it sets. */
export async function applyConfig(
  ctx: Context,
  program: Program,
  command: CommandUnknownOpts,
  cwd: string,
): Promise<void> {
  const global = program.opts();
  const print = global.printConfig === true;
  // a command without options takes nothing from a config
  if (!print && command.options.length === 0) return;
  let lookup: ConfigLookup | undefined;
  if (global.config === false) lookup = undefined;
  else if (typeof global.config === 'string') {
    // a config named on the command line may be a pipe (`--config <(…)`): read it first, capped
    await readStreams([resolve(cwd, global.config)]);
    lookup = readConfigFile(global.config, cwd);
  } else lookup = searchConfig(cwd);
  if (lookup !== undefined && !lookup.ok) throw TrustcheckError.fromIssues(lookup.issues);
  const found = lookup?.found;
  const applied =
    found === undefined && !print
      ? undefined
      : (await import('./config-apply.js')).applyFound(ctx, program, command, {
          found,
          cwd,
          lookup,
        });
  for (const ignored of lookup?.ignored ?? []) {
    ctx.warn(
      ignored.reason === 'javascript'
        ? IGNORED_CONFIG.javascript(ignored.file)
        : IGNORED_CONFIG.shadowed(ignored.file, ignored.by),
    );
  }
  if (print) {
    ctx.stdout.write(applied ?? '');
    throw new CommanderError(0, PRINTED_CONFIG, '(the options were printed)');
  }
}
