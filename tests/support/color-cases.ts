// Who decides whether messages are coloured, in the order Node itself follows: `--no-color` on
// the command line beats everything; FORCE_COLOR beats NO_COLOR and the lack of a terminal
// (0: never, 1 to 3: always); NO_COLOR turns colour off; else a terminal gets colour and a pipe
// does not. Every combination, for the tests on a terminal and in a pipe.

export interface ColorCase {
  /** How the case reads in a test's name: `--no-color NO_COLOR=1 FORCE_COLOR=0`. */
  name: string;
  args: string[];
  env: Record<string, string>;
  /** Whether "error:" is coloured, on a terminal and in a pipe. */
  colored: { terminal: boolean; pipe: boolean };
}

export const colorCases: ColorCase[] = [false, true].flatMap((flag) =>
  [undefined, '1'].flatMap((noColor) =>
    [undefined, '0', '1', '3'].map((force): ColorCase => {
      const env: Record<string, string> = {};
      if (noColor !== undefined) env.NO_COLOR = noColor;
      if (force !== undefined) env.FORCE_COLOR = force;
      const forced = force === undefined ? undefined : force !== '0';
      const colored = (terminal: boolean) =>
        !flag && (forced ?? (noColor === undefined && terminal));
      return {
        name:
          [flag ? '--no-color' : '', ...Object.entries(env).map(([k, v]) => `${k}=${v}`)]
            .filter((w) => w !== '')
            .join(' ') || 'nothing set',
        args: flag ? ['--no-color'] : [],
        env,
        colored: { terminal: colored(true), pipe: colored(false) },
      };
    }),
  ),
);

/** A command that fails at once, with "error:" (red when colour is on) on stderr. */
export const failing = ['schema', 'no-such-schema'];

/** Whether `text` holds an escape sequence (a colour). */
// eslint-disable-next-line no-control-regex
export const hasEscape = (text: string): boolean => /\u001b\[/.test(text);

/** `text` without its colours. */
// eslint-disable-next-line no-control-regex
export const withoutColors = (text: string): string => text.replace(/\u001b\[[0-9;]*m/g, '');
