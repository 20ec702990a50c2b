/**
 * Streamed exports: CSV after RFC 4180 (CRLF, quotes doubled) with a guard against spreadsheet formulas,
 * and a general text stream (JSON arrays, NDJSON) on the same paging.
 */

const needsQuotes = /[",\r\n]/;
// A cell starting with = + - @ (or a tab/CR that some programs skip) would run as a formula in a spreadsheet.
const formulaStart = /^[=+\-@\t\r]/;

/** One CSV cell: dates as ISO strings, null as empty, formulas defused with a leading apostrophe. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value); // a negative number is data, not a formula
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF. */
export function csvLine(values: readonly unknown[]): string {
  let line = '';
  for (let index = 0; index < values.length; index += 1) line += (index ? ',' : '') + csvCell(values[index]);
  return `${line}\r\n`;
}

export interface TextStreamFormat<Row> {
  head: string;
  line: (row: Row) => string;
  /** Between two rows (e.g. "," in a JSON array). */
  separator?: string;
  tail?: string;
}

/**
 * A streamed body from pages of rows. The first page is read before answering, so a failing query is still a
 * proper error response; later pages are read only as the client takes the data (back-pressure), and a client
 * that goes away stops the paging.
 */
export async function textStream<Row>(
  pages: AsyncIterator<readonly Row[]>,
  format: TextStreamFormat<Row>,
  onError?: (error: unknown) => void,
): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let pending: IteratorResult<readonly Row[]> | undefined = await pages.next();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (format.head) controller.enqueue(encoder.encode(format.head));
    },
    async pull(controller) {
      try {
        const page = pending ?? (await pages.next());
        pending = undefined;
        if (page.done) {
          if (format.tail) controller.enqueue(encoder.encode(format.tail));
          controller.close();
          return;
        }
        let text = '';
        for (const row of page.value) {
          if (!first && format.separator) text += format.separator;
          first = false;
          text += format.line(row);
        }
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        onError?.(error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return?.(undefined);
    },
  });
}

/**
 * A streamed CSV: header row, then each row's cells. `bom` adds the UTF-8 byte-order mark Excel needs to read
 * Indonesian names correctly; `line` may return a pre-built record (see `csvLine`) for speed.
 */
export function csvStream<Row>(
  pages: AsyncIterator<readonly Row[]>,
  options: { header: readonly string[]; cells?: (row: Row) => readonly unknown[]; line?: (row: Row) => string; bom?: boolean; onError?: (error: unknown) => void },
): Promise<ReadableStream<Uint8Array>> {
  const line = options.line ?? ((row: Row) => csvLine(options.cells ? options.cells(row) : (row as readonly unknown[])));
  return textStream(pages, { head: `${options.bom ? '\uFEFF' : ''}${csvLine(options.header)}`, line }, options.onError);
}

/** Headers of a CSV download. */
export function csvHeaders(filename: string, extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`, ...extra };
}

/** Pages over an array already in memory (small exports). */
export async function* pagesOf<Row>(rows: readonly Row[], size = 1000): AsyncGenerator<readonly Row[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
