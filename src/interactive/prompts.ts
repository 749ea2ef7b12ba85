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

export interface SelectConfig<T> {
  message: string;
  choices: Choice<T>[];
  default?: T;
  loop?: boolean;
}

export interface InputConfig {
  message: string;
  default?: string;
  required?: boolean;
  validate?: (value: string) => boolean | string;
}

export interface CheckboxConfig<T> {
  message: string;
  choices: (Choice<T> & { checked?: boolean })[];
  required?: boolean;
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
    input: (config) => input(config, context),
    checkbox: (config) => checkbox(config, context),
  };
}
