// --name TEMPLATE: a report's file name (without extension) from {file} (the answer file's
// name), {subject} (as a safe file name) and {date}; `/` makes subfolders, so
// `{subject}/{date}` keeps every quarter's report. A file system takes at most 255 bytes in one
// name, and a CJK character takes three of them, an emoji four: a name that would be longer is
// shortened by bytes, between user-perceived characters, and keeps a fingerprint of what was cut,
// so that names stay apart.

type Field = 'file' | 'subject' | 'date';
const FIELDS = new Set<string>(['file', 'subject', 'date']);

/**
 * The most bytes of UTF-8 in one name, a folder's or a file's (ext4, XFS, btrfs, APFS). NTFS
 * counts UTF-16 units, which are never more than the UTF-8 bytes, so a name that fits here fits
 * there too.
 */
export const NAME_MAX_BYTES = 255;

/** The least room a {file} or {subject} gets: a few characters and its fingerprint. */
const MIN_FIELD_BYTES = 16;

/**
 * The key under which two file names are the same file on a case-insensitive or
 * normalisation-insensitive file system (macOS, Windows): NFC and NFD spellings, and letters
 * that differ only in case (including `ß`/`SS`, `ſ`/`s`), give one key. Locale-independent.
 * Windows also ignores trailing dots and spaces. Errs on the side of a collision.
 */
export function collisionKey(name: string): string {
  return name
    .normalize('NFD')
    .toUpperCase()
    .toLowerCase()
    .normalize('NFC')
    .replace(/[. ]+$/u, '');
}

/** Why a template cannot name files, if it cannot; `extensionBytes`: the longest extension. */
export function validateNameTemplate(template: string, extensionBytes = 0): string | undefined {
  if (template.trim() === '') return 'give a name such as {file} or {subject}/{date}';
  for (const m of template.matchAll(/\{([^}]*)\}/g)) {
    if (!FIELDS.has(m[1]!)) return `unknown field {${m[1]!}}; use {file}, {subject} and {date}`;
  }
  const components = template.split('/');
  if (template.startsWith('/') || components.some((part) => part === '..' || part === ''))
    return 'the name must stay inside --out-dir: no leading /, no .. and no empty folder';
  for (const [i, component] of components.entries()) {
    const limit = NAME_MAX_BYTES - (i === components.length - 1 ? extensionBytes : 0);
    const parts = partsOf(component);
    const shrinkable = parts.filter((p) => p.field === 'file' || p.field === 'subject').length;
    const fixed = parts.reduce(
      (sum, p) => sum + (p.field === undefined ? utf8Length(p.text) : p.field === 'date' ? 10 : 0),
      0,
    );
    if (fixed + shrinkable * MIN_FIELD_BYTES > limit) {
      return `"${component}" makes a name longer than a file system takes (${NAME_MAX_BYTES} bytes, the extension included); shorten the text around the fields`;
    }
  }
  return undefined;
}

/**
 * A text as one safe file-name part: letters (with their accents and marks), digits, emoji,
 * spaces, `.`, `_` and `-`; anything else (a slash, a colon, a control or a format character)
 * becomes `-`.
 */
export function safeFileName(text: string): string {
  const safe = text
    .normalize('NFC')
    .replace(UNSAFE, '-')
    .replace(LOOSE_JOINER, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\-\s]+|[.\s]+$/g, '');
  return safe === '' ? 'unnamed' : safe;
}

// what is not a letter, a mark, a digit, a part of an emoji (a pictograph, a skin tone, a flag's
// letters, the joiner of a sequence), a space, `.`, `_` or `-` (Unicode properties of code
// points: cheap to compile, unlike the emoji sequences of the `v` flag, which take tens of ms)
const UNSAFE =
  /[^\p{L}\p{M}\p{N}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\u200d ._-]+/gu;
// a zero-width joiner that does not join two emoji is an invisible character: it goes
const LOOSE_JOINER =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f])\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

/** A report's name: as its template gives it, and shortened where a part is too long. */
export interface ReportName {
  /** The name to write, each of its parts within NAME_MAX_BYTES (the extension included). */
  name: string;
  /** The name before shortening: two reports whose full names collide collide. */
  full: string;
}

/**
 * A report's name (without extension) from its template. Each folder or file name it makes is
 * at most NAME_MAX_BYTES bytes, the file's with `extensionBytes` more for its extension: a
 * {file} or {subject} that does not fit is shortened (see `shortenName`).
 */
export function reportName(
  template: string,
  values: { file: string; subject: string; date: string },
  extensionBytes = 0,
): ReportName {
  const base = values.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const valueOf = (field: Field): string =>
    field === 'file'
      ? safeFileName(base)
      : field === 'subject'
        ? safeFileName(values.subject)
        : values.date;
  const components = template.split('/');
  const names = components.map((component, i) => {
    const limit = NAME_MAX_BYTES - (i === components.length - 1 ? extensionBytes : 0);
    const parts = partsOf(component).map((p) =>
      p.field === undefined ? { ...p } : { field: p.field, text: valueOf(p.field) },
    );
    const full = parts.map((p) => p.text).join('');
    fitParts(parts, limit);
    return { name: parts.map((p) => p.text).join(''), full };
  });
  return { name: names.map((n) => n.name).join('/'), full: names.map((n) => n.full).join('/') };
}

interface Part {
  field?: Field;
  text: string;
}

/** A template's folder or file name as literal text and fields. */
function partsOf(component: string): Part[] {
  const parts: Part[] = [];
  let at = 0;
  for (const m of component.matchAll(/\{(file|subject|date)\}/g)) {
    if (m.index > at) parts.push({ text: component.slice(at, m.index) });
    parts.push({ field: m[1] as Field, text: m[0] });
    at = m.index + m[0].length;
  }
  if (at < component.length) parts.push({ text: component.slice(at) });
  return parts;
}

/**
 * Shortens the {file} and {subject} parts until the whole is at most `limit` bytes: the room
 * left by the literal text and the dates is shared, and a part that needs less than its share
 * leaves the rest to the others.
 */
function fitParts(parts: Part[], limit: number): void {
  const total = parts.reduce((sum, p) => sum + utf8Length(p.text), 0);
  if (total <= limit) return;
  const shrinkable = parts.filter((p) => p.field === 'file' || p.field === 'subject');
  let room =
    limit -
    parts.filter((p) => !shrinkable.includes(p)).reduce((sum, p) => sum + utf8Length(p.text), 0);
  const bySize = [...shrinkable].sort((a, b) => utf8Length(a.text) - utf8Length(b.text));
  bySize.forEach((part, i) => {
    const share = Math.max(MIN_FIELD_BYTES, Math.floor(room / (bySize.length - i)));
    part.text = shortenName(part.text, share);
    room -= utf8Length(part.text);
  });
}

/**
 * `name` in at most `maxBytes` bytes of UTF-8: unchanged when it fits, else its beginning, cut
 * between user-perceived characters (never inside a UTF-8 sequence, an accented letter or an
 * emoji sequence), then `-` and a fingerprint of the whole name. Names that differ keep apart;
 * names that differ only in case or Unicode normalisation get the same fingerprint, so that they
 * still collide where the file system would take them for one.
 */
export function shortenName(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const tag = fingerprint(collisionKey(name));
  const prefix = cutToBytes(name, maxBytes - tag.length - 1).replace(/[\s.-]+$/u, '');
  return prefix === '' ? tag : `${prefix}-${tag}`;
}

/** How many bytes `text` takes in UTF-8 (a lone surrogate as U+FFFD, as Node writes it). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

let segmenter: Intl.Segmenter | undefined;

/**
 * The longest beginning of `text` of at most `maxBytes` bytes that ends between user-perceived
 * characters; between code points when even the first such character is longer than that.
 */
function cutToBytes(text: string, maxBytes: number): string {
  // the whole code points that fit (a few hundred at most, however long the text)
  let end = 0;
  let bytes = 0;
  for (const ch of text) {
    bytes += utf8Length(ch);
    if (bytes > maxBytes) break;
    end += ch.length;
  }
  if (end === text.length) return text;
  // the last boundary between characters at or before `end`, judged with what follows it
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let cut = 0;
  for (const { index } of segmenter.segment(text.slice(0, end + 16))) {
    if (index > end) break;
    cut = index;
  }
  return text.slice(0, cut === 0 ? end : cut);
}

/** Eight hexadecimal digits that stand for `text` (FNV-1a, 32 bits). */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
