/**
 * Splits CSV text into rows of fields (RFC 4180): commas between fields, double quotes around
 * a field that holds commas, quotes or line breaks, `""` for a quote inside one, CRLF or LF
 * between rows. A byte-order mark at the start is dropped. Yields rows one at a time so a
 * large file is never held twice.
 * @example [...parseCsv('a,"b ""c""\nd"\r\n')] // [['a', 'b "c"\nd']]
 */
export function* parseCsv(text: string): Generator<string[]> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  while (i < n) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      // Copy a run of ordinary characters at once: much faster than one at a time.
      const next = text.indexOf('"', i);
      const end = next < 0 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      i += 1;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i += 1;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      row.push(field);
      yield row;
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    i += 1;
  }
  if (field !== '' || row.length > 0 || quoted) {
    row.push(field);
    yield row;
  }
}
