// A reporter that says why tests skipped. Vitest's default reporter counts skipped tests but shows
// the note of `ctx.skip(note)` only with --reporter=verbose; this one lists, before the summary,
// each file's skipped tests with their note, one line per file and note. A test skipped with no
// note at all is listed too, so a new silent skip shows in the first run that has it.
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export default class SkipNotes implements Reporter {
  private vitest: Vitest | undefined;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    // with -t, the tests left out are skipped without a note: not worth a line each
    const filtered = this.vitest?.config.testNamePattern !== undefined;
    const lines = new Map<string, number>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped' || test.options.mode === 'todo') continue;
        if (result.note === undefined && filtered) continue;
        const line = `${module.relativeModuleId}: ${result.note ?? `skipped with no reason given (${test.fullName})`}`;
        lines.set(line, (lines.get(line) ?? 0) + 1);
      }
    }
    if (lines.size === 0) return;
    const out = [' Skipped, and why:'];
    for (const [line, count] of lines) {
      out.push(`   ${line}${count > 1 ? ` (${count} tests)` : ''}`);
    }
    this.vitest?.logger.log(`\n${out.join('\n')}`);
  }
}
