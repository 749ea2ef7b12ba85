// Waiting for something another process or a prompt shows: poll what it shows until the expected
// text is there, with a deadline. A test never sleeps a fixed time and hopes the screen is ready;
// when the deadline passes it fails with what it saw last, so the failure says what was there.
import { existsSync, readFileSync } from 'node:fs';

export interface WaitOptions {
  /** What is awaited, in words: "the note prompt", "the exit code". */
  what: string;
  /** How long to wait, in milliseconds. */
  timeout?: number;
  /** How long to wait between two looks, in milliseconds. */
  interval?: number;
  /** What to show when the deadline passes (default: the last text looked at). */
  show?: () => string;
}

/**
 * Looks at `look()` until `until` holds for it, and returns that text. Throws after `timeout` ms,
 * naming `what` and showing the last text seen (or `show()`).
 */
export async function waitFor(
  look: () => string,
  until: (text: string) => boolean,
  { what, timeout = 10_000, interval = 25, show }: WaitOptions,
): Promise<string> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const text = look();
    if (until(text)) return text;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeout} ms waiting for ${what}; last seen:\n${show ? show() : text}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** A file's text, or '' while it does not exist: for waiting until a process writes it. */
export const textOf = (file: string): string =>
  existsSync(file) ? readFileSync(file, 'utf8') : '';
