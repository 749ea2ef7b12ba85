// The options every command takes, declared and read here. Commander parses them with the rest;
// the context needs two of them before parsing (commander's own messages are coloured, or quiet),
// and --print-config makes every argument optional, so these are also read from the command
// line as given, by the flags declared here.
import { Option } from '@commander-js/extra-typings';

export const colorOption = () =>
  new Option('--no-color', 'no colours (also NO_COLOR=1, unless FORCE_COLOR is set)');
export const quietOption = () => new Option('--quiet', 'print only warnings and errors on stderr');
export const configOption = () =>
  new Option(
    '--config <file>',
    'take options from this config file (YAML or JSON) instead of the one found',
  );
export const noConfigOption = () => new Option('--no-config', 'ignore every config file');
export const printConfigOption = () =>
  new Option(
    '--print-config',
    'print the options the command would run with, and the config file they came from; run nothing',
  );

export interface GlobalFlags {
  /** --no-color */
  noColor: boolean;
  /** --quiet */
  quiet: boolean;
  /** --print-config */
  printConfig: boolean;
}

/** The global flags in `argv` (without node and script), before a `--` that ends the options. */
export function globalFlags(argv: readonly string[]): GlobalFlags {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  const given = (option: Option) => option.long !== undefined && options.includes(option.long);
  return {
    noColor: given(colorOption()),
    quiet: given(quietOption()),
    printConfig: given(printConfigOption()),
  };
}
