// Signals reach the program here and nowhere else. During an interactive audit, SIGTERM and
// SIGHUP abort the prompt through an AbortSignal (as Ctrl-C does), so that the interview ends
// the way it always does: answers saved, the resume command printed, exit 130. At any other
// time SIGINT, SIGTERM and SIGHUP remove trustcheck's temporary files and exit 130 at once.
import { removeTempFiles } from '../io/write.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let interview: AbortController | undefined;
let installed = false;

function onSignal(): void {
  if (interview !== undefined) {
    interview.abort();
    return;
  }
  removeTempFiles();
  process.exit(130);
}

/** Once per process: every exit path by signal leaves no temporary file behind. */
export function cleanUpOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) {
    // the start-up handler of bin/ (exit 130 before anything was written) gives way to this one
    process.removeAllListeners(signal);
    process.on(signal, onSignal);
  }
}

/**
 * Runs `work` (an interview) with a signal that SIGINT, SIGTERM or SIGHUP aborts, through the
 * one handler of cleanUpOnSignals (which stays a listener, so @inquirer's signal-exit never
 * re-raises the signal as the last one).
 */
export async function withSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const before = interview;
  interview = controller;
  try {
    return await work(controller.signal);
  } finally {
    interview = before;
  }
}
