/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line
 * break. A text cell starting with = + - @ (or a tab/CR, which spreadsheets
 * also strip before reading a formula) is prefixed with ' so a spreadsheet
 * shows it instead of running it (CSV injection: a token or key name is
 * chosen by users).
 */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(header: string[], rows: Array<Array<string | number | null>>): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
