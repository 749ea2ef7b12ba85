import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { TIMEOUT } from './tests/timeouts.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __TRUSTCHECK_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/**/*.test.ts'],
    // a test that runs the CLI a few times; slower kinds of test (tsc, npm pack and install,
    // Chromium, the language server, a pseudo-terminal) set their own limit from TIMEOUT
    testTimeout: TIMEOUT.cli,
    hookTimeout: TIMEOUT.lsp,
    // Test files run in parallel, each in its own process. Vitest's default on 2 cores is one
    // file at a time, but the slow end-to-end files mostly wait on a child process (npm, tsc,
    // Chromium, tmux), so two files run side by side even on 2 cores. Files share nothing: each
    // works in its own temporary folder and reads the one build made before vitest starts.
    maxWorkers: Math.max(2, availableParallelism()),
    env: { NO_COLOR: '1' },
  },
});
