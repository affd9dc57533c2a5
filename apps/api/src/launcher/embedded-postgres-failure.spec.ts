import { startFailure } from './embedded-postgres-failure';

describe('startFailure', () => {
  it('names a taken port and the variable that moves it', () => {
    const log = [
      'LOG:  could not bind IPv4 address "127.0.0.1": Address already in use',
      'FATAL:  could not create any TCP/IP sockets',
    ];
    expect(startFailure(54329, undefined, log)).toBe(
      'PostgreSQL could not listen on 127.0.0.1:54329: another program uses that port. Stop it, or set EMBEDDED_PG_PORT to a free port.',
    );
  });

  it("says the server's own reasons otherwise", () => {
    const log = [
      '2026-12-03 17:43:40.079 UTC [22499] LOG:  starting PostgreSQL 18.4',
      '2026-12-03 17:43:40.080 UTC [22499] FATAL:  data directory "/x" has invalid permissions',
    ];
    expect(startFailure(1, undefined, log)).toBe(
      'PostgreSQL did not start on port 1: data directory "/x" has invalid permissions',
    );
    expect(startFailure(1, new Error('initdb failed'), [])).toBe(
      'PostgreSQL did not start on port 1: initdb failed',
    );
    expect(startFailure(1, undefined, ['the last line'])).toBe(
      'PostgreSQL did not start on port 1: the last line',
    );
    expect(startFailure(1, undefined, [])).toBe(
      'PostgreSQL did not start on port 1: no reason given',
    );
  });
});
