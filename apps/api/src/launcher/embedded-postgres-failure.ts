/**
 * Why the server did not start, in a sentence: a port someone else listens on names the variable
 * that moves it; otherwise the server's own FATAL, ERROR or bind lines.
 */
export function startFailure(port: number, error: unknown, log: readonly string[]): string {
  if (log.some((line) => line.includes('Address already in use'))) {
    return `PostgreSQL could not listen on 127.0.0.1:${port}: another program uses that port. Stop it, or set EMBEDDED_PG_PORT to a free port.`;
  }
  const reasons = log.filter((line) => /FATAL|ERROR|PANIC|could not/.test(line));
  const cause = error instanceof Error && error.message !== '' ? error.message : undefined;
  const said = [cause, ...reasons.map((line) => line.replace(/^.*?(FATAL|ERROR|PANIC|LOG): +/, ''))]
    .filter((part): part is string => part !== undefined)
    .join('; ');
  return `PostgreSQL did not start on port ${port}: ${said === '' ? (log.at(-1) ?? 'no reason given') : said}`;
}
