// How long each kind of test may take. The suite must pass on a loaded 2-core machine (load 4 to
// 10, another test run beside it), where a step takes three to five times what it takes idle;
// each limit is about five times the step's idle time there. A test that only runs the CLI a few
// times has the global `testTimeout` of vitest.config.ts (TIMEOUT.cli); slower kinds of test name
// their own limit, so that no test squeezes into a limit made for another kind.
export const TIMEOUT = {
  /** A few runs of the built CLI (about 0.2 s each when idle): the global testTimeout. */
  cli: 30_000,
  /** Many runs of a shell with the completion script loaded (zsh in a pseudo-terminal). */
  shell: 90_000,
  /** An interview in a pseudo-terminal (tmux): every keystroke waits for the screen. */
  pty: 90_000,
  /** yaml-language-server started, or asked for diagnostics. */
  lsp: 120_000,
  /** Chromium started, or a page loaded, laid out and printed. */
  browser: 120_000,
  /** A TypeScript compiler run over the installed package's declarations (tsc, about 8 s). */
  tsc: 180_000,
  /** npm pack, then npm install of the tarball into an empty project (about 15 s). */
  pack: 240_000,
} as const;
