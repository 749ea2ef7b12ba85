// What makes two report files one report: the same content, however the JSON is spelled (key
// order, white space, escapes, number forms). `summary` counts such reports once.
import { canonicalJson } from '../core/canonical-json.js';
import { parseDocument } from '../io/document.js';
import { fileIdentity } from '../io/identity.js';
import { readInputFile } from '../io/read.js';
import { digestOf } from './load.js';

/**
 * The digest of a report file's content (sha256 of its canonical JSON), or undefined when it
 * cannot be read or parsed (then it is the same as no other).
 */
export function reportContentDigest(file: string): string | undefined {
  const read = readInputFile(file, 'report');
  if (!read.ok) return undefined;
  const parsed = parseDocument(read.text, file);
  return parsed.ok ? digestOf(canonicalJson(parsed.parsed.value)) : undefined;
}

/** An earlier report file that a later one repeats. */
export interface Copy {
  /** The file counted. */
  first: string;
  /** Whether the later file is that very file (given twice), not a copy of it. */
  sameFile: boolean;
}

/** The reports of one subject and date seen so far: by file identity and by content. */
interface Group {
  /** Files not yet looked at (the first of a group waits until a second comes). */
  pending: string[];
  byIdentity: Map<string, string>;
  byDigest: Map<string, string>;
}

/**
 * The reports a summary has counted, to tell a report given twice: the same file again, or
 * another file with the same subject, date and content. Only reports that share a subject and a
 * date are read again and compared, each file once, so a portfolio of distinct reports costs
 * nothing more.
 */
export class CountedReports {
  private readonly groups = new Map<string, Group>();

  /** The counted report that `file` repeats, if any; else `file` is counted from now on. */
  copyOf(file: string, subject: string, date: string): Copy | undefined {
    const key = `${subject}\u0000${date}`;
    const group = this.groups.get(key);
    if (group === undefined) {
      this.groups.set(key, { pending: [file], byIdentity: new Map(), byDigest: new Map() });
      return undefined;
    }
    for (const earlier of group.pending.splice(0)) {
      remember(group, earlier, identityKey(earlier), reportContentDigest(earlier));
    }
    const id = identityKey(file);
    const same = id === undefined ? undefined : group.byIdentity.get(id);
    if (same !== undefined) return { first: same, sameFile: true };
    const digest = reportContentDigest(file);
    const copy = digest === undefined ? undefined : group.byDigest.get(digest);
    if (copy !== undefined) return { first: copy, sameFile: false };
    remember(group, file, id, digest);
    return undefined;
  }
}

function remember(
  group: Group,
  file: string,
  id: string | undefined,
  digest: string | undefined,
): void {
  if (id !== undefined && !group.byIdentity.has(id)) group.byIdentity.set(id, file);
  if (digest !== undefined && !group.byDigest.has(digest)) group.byDigest.set(digest, file);
}

function identityKey(file: string): string | undefined {
  const id = fileIdentity(file);
  return id === undefined || id.device ? undefined : `${id.dev}:${id.ino}`;
}
