/** One contributor of a project (or one locale of it), for credits in release notes. */
export interface Contributor {
  readonly displayName: string;
  readonly locales: readonly string[];
  readonly candidates: number;
  readonly wins: number;
  readonly votes: number;
}

export type CreditsFormat = 'csv' | 'markdown';

/**
 * A CSV cell: quoted, quotes doubled, and a leading = + - @ (or tab/CR) defused with an
 * apostrophe so a spreadsheet never runs a display name as a formula (CSV injection).
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Markdown text that renders as the same text: every punctuation that could be markup escaped. */
export function markdownText(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()<>#+\-.!|~&]/g, (c) => `\\${c}`);
}

export function formatCredits(
  format: CreditsFormat,
  title: string,
  contributors: readonly Contributor[],
): string {
  if (format === 'csv') {
    const header = ['name', 'locales', 'candidates', 'wins', 'votes'].map(csvCell).join(',');
    const rows = contributors.map((c) =>
      [c.displayName, c.locales.join(' '), c.candidates, c.wins, c.votes].map(csvCell).join(','),
    );
    return `${[header, ...rows].join('\r\n')}\r\n`;
  }
  const lines = contributors.map(
    (c) =>
      `- ${markdownText(c.displayName)} (${c.locales.map(markdownText).join(', ')}): ${c.wins} won, ${c.candidates} written, ${c.votes} votes`,
  );
  return `## ${markdownText(title)}\n\n${lines.length === 0 ? '_No contributors yet._' : lines.join('\n')}\n`;
}
