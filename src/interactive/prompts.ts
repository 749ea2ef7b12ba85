// The one prompt adapter: the only code that imports @inquirer. The flow asks through this
// interface, so tests can drive it with @inquirer/testing, and Ctrl-C and signals arrive in one
// place. Each prompt comes from its own package: the @inquirer/prompts barrel would also load
// the editor prompt (with iconv-lite and chardet), twice the code to load before the first question.
import checkbox from '@inquirer/checkbox';
import input from '@inquirer/input';
import select from '@inquirer/select';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

/** What the interview sets of @inquirer's theme: the key hints, in the audit's words. */
export interface Theme {
  style: { keysHelpTip: (keys: [key: string, action: string][]) => string | undefined };
}

export interface SelectConfig<T> {
  message: string;
  choices: Choice<T>[];
  default?: T;
  loop?: boolean;
  pageSize?: number;
  theme?: Theme;
}

/** Required values are checked by `validate`, whose message is in the audit's language. */
export interface InputConfig {
  message: string;
  default?: string;
  /** `editable`: the default is put on the line to edit, instead of shown beside it. */
  prefill?: 'tab' | 'editable';
  validate?: (value: string) => boolean | string;
  theme?: Theme;
}

export interface CheckboxConfig<T> {
  message: string;
  choices: (Choice<T> & { checked?: boolean })[];
  validate?: (chosen: readonly { value: T }[]) => boolean | string;
  theme?: Theme;
}

export interface Prompts {
  select<T>(config: SelectConfig<T>): Promise<T>;
  input(config: InputConfig): Promise<string>;
  checkbox<T>(config: CheckboxConfig<T>): Promise<T[]>;
}

/** Ctrl-C (ExitPromptError) or an aborted prompt (AbortPromptError, on a signal). */
export function isInterrupt(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'ExitPromptError' || name === 'AbortPromptError';
}

/** The real prompts, reading keys from `input` and drawing on `output`; `signal` aborts them. */
export function terminalPrompts(
  streams: { input: NodeJS.ReadableStream; output: unknown },
  signal: AbortSignal,
): Prompts {
  const context = {
    input: streams.input,
    output: streams.output as NodeJS.WritableStream,
    signal,
  };
  return {
    select: (config) => select(config, context),
    // the input prompt shows no key hints: its theme is left as it is
    input: ({ theme: _theme, ...config }) => input(config, context),
    checkbox: (config) => checkbox(config, context),
  };
}
