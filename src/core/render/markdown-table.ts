// Every Markdown table trustcheck writes: GFM pipe tables in markdownlint's "compact" style
// (MD060): one space on each side of every pipe, so an empty cell is `| |`, never `|  |`.

/** One row. Cells are Markdown already (escaped by the caller); spaces at their edges go. */
function row(cells: readonly string[]): string {
  let line = '|';
  for (const cell of cells) {
    const text = cell.replace(/^[ \t]+|[ \t]+$/g, '');
    line += text === '' ? ' |' : ` ${text} |`;
  }
  return line;
}

/** The lines of a table: the header, the delimiter row, then one line per row. */
export function markdownTable(
  header: readonly string[],
  rows: Iterable<readonly string[]>,
): string[] {
  const out = [row(header), row(header.map(() => '---'))];
  for (const cells of rows) out.push(row(cells));
  return out;
}
