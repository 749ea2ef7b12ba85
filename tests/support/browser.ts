// Debian's Chromium for the browser tests, driven by playwright-core: launched by playwright, or
// started as Lighthouse starts it (its own process with a DevTools port, then connected to).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (root in a container), and no traffic of Chromium's own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function needChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the HTML tests need Chromium. Install it with: apt-get update && apt-get install -y chromium`,
    );
  }
}

/** Chromium launched by playwright, with a fresh, temporary user-data-dir of its own. */
export async function launchChromium(): Promise<Browser> {
  needChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Chromium started the way Lighthouse's launcher starts it: a process of its own with a DevTools
 * port, which playwright then connects to. Unlike a browser that playwright launches, this one
 * asks a page's server for /favicon.ico when the page names no icon, as a reader's browser does
 * (and logs the 404 in the console, which cost the report Lighthouse points).
 */
export async function launchAsLighthouse(
  deadline = 60_000,
): Promise<{ browser: Browser; close: () => Promise<void> }> {
  needChromium();
  const profile = mkdtempSync(join(tmpdir(), 'trustcheck-chromium-'));
  const child = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: 'ignore' },
  );
  const close = async (browser?: Browser) => {
    await browser?.close().catch(() => undefined);
    child.kill();
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // its helper processes may still be writing there for a moment after it exits
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  };
  // Chromium writes the port it took to DevToolsActivePort in its profile: poll for it
  const portFile = join(profile, 'DevToolsActivePort');
  const until = Date.now() + deadline;
  let port = '';
  while (port === '') {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`${CHROMIUM} exited with ${child.exitCode} before it opened a DevTools port`);
    }
    if (Date.now() > until) {
      await close();
      throw new Error(`${CHROMIUM} opened no DevTools port within ${deadline} ms`);
    }
    if (existsSync(portFile)) port = readFileSync(portFile, 'utf8').split('\n')[0]!.trim();
    if (port === '') await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return { browser, close: () => close(browser) };
}
