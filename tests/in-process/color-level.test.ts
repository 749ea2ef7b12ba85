// The colour level of messages (src/cli/context.ts), as Node reads FORCE_COLOR: `1`, `true` or
// empty is 16 colours, `2` 256, `3` 16 million, anything else none; it wins over NO_COLOR and
// over the lack of a terminal, and `--no-color` wins over it. The tests on a terminal and in a
// pipe (tests/pty/color.test.ts, tests/process/color.test.ts) run the whole program.
import { describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli/context.js';

const terminal = { write: () => true, isTTY: true };
const pipe = { write: () => true, isTTY: false };
const none = { noColor: false, quiet: false, printConfig: false };

describe('the colour level', () => {
  it.each([
    ['', 1],
    ['1', 1],
    ['true', 1],
    ['2', 2],
    ['3', 3],
    ['0', 0],
    ['false', 0],
    ['4', 0],
    ['yes', 0],
  ] as const)('FORCE_COLOR=%j gives %i, in a pipe and with NO_COLOR set', (force, level) => {
    expect(colorLevel(none, { FORCE_COLOR: force }, pipe)).toBe(level);
    expect(colorLevel(none, { FORCE_COLOR: force, NO_COLOR: '1' }, terminal)).toBe(level);
  });

  it('--no-color beats FORCE_COLOR', () => {
    expect(colorLevel({ ...none, noColor: true }, { FORCE_COLOR: '3' }, terminal)).toBe(0);
  });

  it('without FORCE_COLOR: NO_COLOR (when not empty), then what the terminal can', () => {
    expect(colorLevel(none, { NO_COLOR: '1', TERM: 'xterm' }, terminal)).toBe(0);
    expect(colorLevel(none, { NO_COLOR: '', TERM: 'xterm' }, terminal)).toBe(1);
    expect(colorLevel(none, { TERM: 'xterm-256color' }, terminal)).toBe(2);
    expect(colorLevel(none, { TERM: 'xterm', COLORTERM: 'truecolor' }, terminal)).toBe(3);
    expect(colorLevel(none, { TERM: 'dumb' }, terminal)).toBe(0);
    expect(colorLevel(none, { TERM: 'xterm-256color' }, pipe)).toBe(0);
  });
});
