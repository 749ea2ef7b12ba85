import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import SkipNotes from './tests/support/skip-notes.js';
import { TIMEOUT } from './tests/support/timeouts.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** The kinds of test, each a folder of tests/ and a project named in vitest's output. */
const kinds = {
  pure: 'functions of the core, in-process, reading only the repository',
  'in-process': 'the shell in-process: temp files, prompts through @inquirer/testing',
  process: 'spawns processes: the built binary, npm, tsc, a language server',
  pty: 'the whole program in a pseudo-terminal (tmux)',
  browser: 'reports in headless Chromium',
};

export default defineConfig({
  define: { __TRUSTCHECK_VERSION__: JSON.stringify(pkg.version) },
  test: {
    // the default reporter, and before its summary the reason of each skipped test
    reporters: [new SkipNotes(), 'default'],
    // a test that runs the CLI a few times; slower kinds of test (tsc, npm pack and install,
    // Chromium, the language server, a pseudo-terminal) set their own limit from TIMEOUT
    testTimeout: TIMEOUT.cli,
    hookTimeout: TIMEOUT.lsp,
    // Test files run in parallel, each in its own process (but the pure ones, below). Vitest's
    // default on 2 cores is one file at a time, but the slow end-to-end files mostly wait on a
    // child process (npm, tsc, Chromium, tmux), so two files run side by side even on 2 cores.
    // Files share no files: each works in its own temporary folder and reads the one build made
    // before vitest starts.
    maxWorkers: Math.max(2, availableParallelism()),
    env: { NO_COLOR: '1' },
    projects: Object.keys(kinds).map((name) => ({
      extends: true,
      test: {
        name,
        include: [`tests/${name}/**/*.test.ts`],
        // The pure tests call functions of the core and nothing else: they share one module
        // graph per worker thread instead of loading src/ again for every file (a third of
        // their time). The other kinds keep a fresh process per file.
        ...(name === 'pure' ? { pool: 'threads' as const, isolate: false } : {}),
      },
    })),
  },
});
