// The interview's prompts driven in-process: the real @inquirer prompts, rendered by
// @inquirer/testing, each answered by the next scripted step (keys pressed on what it shows).
import { checkbox, input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { expect } from 'vitest';
import type { Prompts } from '../../src/interactive/prompts.js';

export type Events = Awaited<ReturnType<typeof render>>['events'];
/** One scripted reaction to one prompt: press keys, or throw to simulate an interrupt. */
export type Step = (
  events: Events,
  screen: string,
  getScreen: () => string,
) => void | Promise<void>;

/** To the first choice, whatever the default (the earlier answer) put the cursor on. */
const top = (e: Events) => ['up', 'up', 'up', 'up'].forEach((k) => e.keypress(k));

/**
 * The choices a select shows, in order (the cursor's line included): the interview's selects
 * end their message with an empty line, and the key hints follow the choices after another.
 */
export const choicesOf = (screen: string): string[] => {
  const blocks = screen.split('\n\n');
  const choices = blocks.length > 1 ? blocks[1]! : blocks[0]!.split('\n').slice(1).join('\n');
  return choices
    .split('\n')
    .filter((l) => /^[❯ ] \S/.test(l))
    .map((l) => l.slice(2));
};

/** Takes the choice named `name`, checking that the prompt offers it. */
export const take =
  (name: string): Step =>
  (e, screen) => {
    const choices = choicesOf(screen);
    const at = choices.indexOf(name);
    expect(choices, `the choice "${name}" on:\n${screen}`).toContain(name);
    top(e);
    for (let i = 0; i < at; i++) e.keypress('down');
    e.keypress('enter');
  };

/** Moves down `n` choices from the first and takes that one. */
export const choose =
  (n: number): Step =>
  (e) => {
    top(e);
    for (let i = 0; i < n; i++) e.keypress('down');
    e.keypress('enter');
  };

export const yes = take('Yes');
export const no = take('No');

/** Types a text (after the line's own text, if any) and presses Enter. */
export const type =
  (text: string): Step =>
  (e) => {
    e.type(text);
    e.keypress('enter');
  };

/** Empties the line (an editable text put there by the prompt), types `text`, presses Enter. */
export const retype =
  (text: string): Step =>
  (e, screen) => {
    for (let i = 0; i <= screen.length; i++) e.keypress('backspace');
    e.type(text);
    e.keypress('enter');
  };

export const ctrlC: Step = (e) => e.keypress({ name: 'c', ctrl: true });

/** The review screen: "Done" is the first choice. */
export const done: Step = (e, screen) => {
  expect(screen).toMatch(/❯ (Done|Klaar)/);
  e.keypress('enter');
};

/** The action asked after a No ("Who will make this true, and by when?"): Enter skips it. */
export const skipAction: Step = (e, screen) => {
  expect(screen).toMatch(/Who will make this true|Wie maakt dit waar/);
  e.keypress('enter');
};

/** A check on the screen before the step that answers it. */
export const expecting =
  (check: (screen: string) => void, then: Step): Step =>
  (e, screen, getScreen) => {
    check(screen);
    return then(e, screen, getScreen);
  };

/** A screen's text with its line breaks and indents as single spaces: wrapped text compares whole. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** Prompts that answer with `steps`, one per prompt, and keep every screen they showed. */
export function scripted(steps: Step[]): { prompts: Prompts; screens: string[] } {
  const screens: string[] = [];
  let k = 0;
  const drive = async <T>(prompt: (config: never) => Promise<T>, config: unknown): Promise<T> => {
    const { answer, events, getScreen } = await render(prompt as never, config as never);
    const screen = getScreen();
    screens.push(screen);
    const step = steps[k++];
    if (step === undefined) throw new Error(`no scripted step for prompt ${k}:\n${screen}`);
    await step(events, screen, getScreen);
    return (await answer) as T;
  };
  return {
    screens,
    prompts: {
      select: <T>(config: unknown) => drive<T>(select, config),
      input: (config) => drive<string>(input, config),
      checkbox: <T>(config: unknown) => drive<T[]>(checkbox, config),
    },
  };
}
