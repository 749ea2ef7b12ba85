// Signals reach the program here and nowhere else: SIGTERM and SIGHUP abort what is running
// (an interactive audit's prompt) through an AbortSignal, as Ctrl-C does.

/** Runs `work` with a signal that aborts on SIGTERM or SIGHUP. */
export async function withSignals<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  // `on`, not `once`: @inquirer's signal-exit re-raises a signal that has no other listener left
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  }
}
