// --name TEMPLATE: a report's file name (without extension) from {file} (the answer file's
// name), {subject} (as a safe file name) and {date}; `/` makes subfolders, so
// `{subject}/{date}` keeps every quarter's report.

const FIELDS = new Set(['file', 'subject', 'date']);

/** Why a template cannot name files, if it cannot. */
export function validateNameTemplate(template: string): string | undefined {
  if (template.trim() === '') return 'give a name such as {file} or {subject}/{date}';
  for (const m of template.matchAll(/\{([^}]*)\}/g)) {
    if (!FIELDS.has(m[1]!)) return `unknown field {${m[1]!}}; use {file}, {subject} and {date}`;
  }
  if (template.startsWith('/') || template.split('/').some((part) => part === '..' || part === ''))
    return 'the name must stay inside --out-dir: no leading /, no .. and no empty folder';
  return undefined;
}

/** A text as one safe file-name part: letters, digits, spaces, `.`, `_` and `-`. */
export function safeFileName(text: string): string {
  const safe = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/-{2,}/g, '-')
    .trim()
    .replace(/^[.\-\s]+|[.\s]+$/g, '')
    .slice(0, 100);
  return safe === '' ? 'unnamed' : safe;
}

export function reportName(
  template: string,
  values: { file: string; subject: string; date: string },
): string {
  const base = values.file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return template.replace(/\{(file|subject|date)\}/g, (_, field: string) =>
    field === 'file'
      ? safeFileName(base)
      : field === 'subject'
        ? safeFileName(values.subject)
        : values.date,
  );
}
