import { ConnectionCounter } from './connection-counter';
import { isOriginAllowed } from './origin-policy';

describe('graphql-ws origin policy', () => {
  const cors = ['https://app.example.org'];

  it('lets the API’s own origin and CORS_ORIGINS open a socket', () => {
    expect(isOriginAllowed('http://localhost:3000', 'localhost:3000', [])).toBe(true);
    expect(isOriginAllowed('https://chorus.example.org', 'chorus.example.org', [])).toBe(true);
    expect(isOriginAllowed('https://app.example.org', 'api.example.org', cors)).toBe(true);
  });

  it('refuses any other browser origin (cross-site WebSocket hijacking)', () => {
    expect(isOriginAllowed('https://evil.example', 'chorus.example.org', cors)).toBe(false);
    expect(isOriginAllowed('http://localhost:3001', 'localhost:3000', [])).toBe(false);
    expect(isOriginAllowed('null', 'localhost:3000', [])).toBe(false);
    expect(isOriginAllowed('file://x', 'x', [])).toBe(false);
    expect(isOriginAllowed('https://chorus.example.org', undefined, [])).toBe(false);
  });

  it('lets non-browser clients without Origin through', () => {
    expect(isOriginAllowed(undefined, 'localhost:3000', [])).toBe(true);
  });
});

describe('connection counter', () => {
  it('refuses past the maximum per key and frees slots on release', () => {
    const counter = new ConnectionCounter();
    expect(counter.acquire('a', 2)).toBe(true);
    expect(counter.acquire('a', 2)).toBe(true);
    expect(counter.acquire('a', 2)).toBe(false);
    expect(counter.acquire('b', 2)).toBe(true);
    counter.release('a');
    expect(counter.count('a')).toBe(1);
    expect(counter.acquire('a', 2)).toBe(true);
  });
});
