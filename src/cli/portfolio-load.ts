// Loading the reports of `summary` into a portfolio. Reading, parsing and checking a report is
// most of a summary's time, and each report is independent: with many reports and a second
// processor, a worker thread loads reports beside the main thread. The two take the next few
// files from one shared counter, and the result (the summary, every warning and the first error,
// in the order of the files) is the same as loading them one by one.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { LocatedIssue } from '../core/issues.js';
import { REPORT_FORMAT } from '../core/formats.js';
import { Portfolio, type PortfolioState } from '../core/summary.js';
import { loadReportFile } from '../app/load.js';
import { readInputFile } from '../io/read.js';

/** What loading a set of report files gave. */
export interface LoadedPortfolio {
  portfolio: Portfolio;
  /** Files that are JSON but not trustcheck reports (left out, with a warning), in order. */
  skipped: string[];
  /** The first file (in order) that is a report with problems: the summary stops there. */
  failure?: { file: string; issues: LocatedIssue[] };
  /** How many reports each thread loaded: one number, or two when a worker thread helped. */
  threads: number[];
}

/** Below this many files a worker thread costs more to start than it saves. */
const PARALLEL_FROM = 400;
/** How many files each thread takes from the counter at a time. */
const TAKE = 8;

/** What one thread loaded: file indexes, so that the two threads' results can be put in order. */
interface Share {
  state: PortfolioState;
  /** How many reports this thread loaded. */
  loaded: number;
  skipped: number[];
  failure?: { index: number; issues: LocatedIssue[] };
}

/**
 * Loads the files whose indexes `next` hands out (a run of TAKE from each call), until they run
 * out or one is a report with problems.
 */
function loadShare(files: readonly string[], next: () => number, portfolio: Portfolio): Share {
  const skipped: number[] = [];
  for (;;) {
    const first = next();
    if (first >= files.length) return { state: portfolio.state(), loaded: portfolio.size, skipped };
    for (let index = first; index < Math.min(first + TAKE, files.length); index++) {
      const file = files[index]!;
      const loaded = loadReportFile(file);
      if (loaded.ok) portfolio.add(loaded.value.value, index);
      else if (!looksLikeReport(file)) skipped.push(index);
      else {
        const failure = { index, issues: loaded.issues };
        return { state: portfolio.state(), loaded: portfolio.size, skipped, failure };
      }
    }
  }
}

/** Whether a JSON file says it is a trustcheck report (then its problems are errors). */
function looksLikeReport(file: string): boolean {
  const read = readInputFile(file, 'JSON report');
  if (!read.ok) return true;
  try {
    const value = JSON.parse(read.text) as { format?: unknown } | null;
    return value !== null && typeof value === 'object' && value.format === REPORT_FORMAT;
  } catch {
    return true;
  }
}

/** Loads `files` into one portfolio: on two threads when there are many. */
export async function loadPortfolio(
  files: readonly string[],
  options: { threads?: boolean } = {},
): Promise<LoadedPortfolio> {
  const portfolio = new Portfolio();
  const parallel =
    options.threads !== false && files.length >= PARALLEL_FROM && availableParallelism() > 1;
  if (parallel) {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const theirs = startWorker(files, counter);
    if (theirs !== undefined) {
      const mine = loadShare(files, () => Atomics.add(counter, 0, TAKE), portfolio);
      const other = await theirs;
      if (other !== undefined) {
        portfolio.merge(other.state);
        return inOrder(files, portfolio, [mine, other]);
      }
      // the worker failed: load everything here instead
      return loadPortfolio(files, { threads: false });
    }
  }
  let at = 0;
  const share = loadShare(files, () => (at += TAKE) - TAKE, portfolio);
  return inOrder(files, portfolio, [share]);
}

/** The shares' warnings and first error, in the order of the files. */
function inOrder(files: readonly string[], portfolio: Portfolio, shares: Share[]): LoadedPortfolio {
  const threads = shares.map((s) => s.loaded);
  const failures = shares.flatMap((s) => (s.failure === undefined ? [] : [s.failure]));
  const failure = failures.sort((a, b) => a.index - b.index)[0];
  const skipped = shares
    .flatMap((s) => s.skipped)
    .filter((index) => failure === undefined || index < failure.index)
    .sort((a, b) => a - b)
    .map((index) => files[index]!);
  return {
    portfolio,
    skipped,
    threads,
    ...(failure === undefined
      ? {}
      : { failure: { file: files[failure.index]!, issues: failure.issues } }),
  };
}

/**
 * Starts a worker thread that loads reports from the shared counter, with the program's own
 * bundle (through its code cache). Undefined when there is no bundle to start it with (the
 * program running from its sources); the promise gives undefined if the worker fails.
 */
function startWorker(
  files: readonly string[],
  counter: Int32Array,
): Promise<Share | undefined> | undefined {
  const bundle = fileURLToPath(import.meta.url);
  const loader = join(dirname(bundle), '..', 'bin', 'compile-cache.cjs');
  if (!bundle.endsWith('.cjs') || !existsSync(loader)) return undefined;
  const code = `const { workerData } = require('node:worker_threads');
let cli;
try {
  cli = require(workerData.loader).loadWithCache(workerData.bundle).exports;
} catch {
  cli = require(workerData.bundle);
}
cli.portfolioWorker();`;
  let worker: Worker;
  try {
    worker = new Worker(code, {
      eval: true,
      workerData: { task: 'portfolio', files, counter, bundle, loader },
      stdout: true,
      stderr: true,
    });
  } catch {
    return undefined;
  }
  return new Promise((resolve) => {
    worker.on('message', (share: Share) => {
      resolve(share);
      worker.unref();
    });
    // without a message first, the worker failed (resolving again changes nothing)
    worker.on('error', () => resolve(undefined));
    worker.on('exit', () => resolve(undefined));
  });
}

/** The worker thread's side: load from the shared counter, post what was loaded. */
export function portfolioWorker(): void {
  const data = workerData as { task?: string; files: string[]; counter: Int32Array } | null;
  if (isMainThread || parentPort === null || data?.task !== 'portfolio') return;
  const share = loadShare(data.files, () => Atomics.add(data.counter, 0, TAKE), new Portfolio());
  parentPort.postMessage(share);
}
