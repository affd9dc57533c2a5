import type { Principal } from '../common/auth/request-context';
import { checkEachEvent, SocketSession } from './socket-session';

async function* numbers(): AsyncGenerator<number, void, void> {
  yield 1;
  yield 2;
  yield 3;
}

describe('socket session', () => {
  const principal: Principal = { userId: 'u1', sessionId: 's1' };

  it('shares one look-up among concurrent checks and looks up again afterwards', async () => {
    const resolve = jest.fn(() => Promise.resolve(principal));
    const session = new SocketSession('token', { resolve });
    await Promise.all([session.principal(), session.principal(), session.principal()]);
    expect(resolve).toHaveBeenCalledTimes(1);
    await session.principal();
    expect(resolve).toHaveBeenCalledTimes(2);
  });

  it('answers SESSION_EXPIRED once the session is gone, and null for an anonymous socket', async () => {
    const session = new SocketSession('token', { resolve: () => Promise.resolve(null) });
    await expect(session.principal()).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    const anonymous = new SocketSession(null, {
      resolve: () => Promise.reject(new Error('unused')),
    });
    await expect(anonymous.principal()).resolves.toBeNull();
  });

  it('ends the stream at the first event whose check fails and releases the source', async () => {
    let allowed = 2;
    const source = numbers();
    const returned = jest.spyOn(source, 'return');
    const checked = checkEachEvent(source, () =>
      (allowed -= 1) >= 0 ? Promise.resolve() : Promise.reject(new Error('gone')),
    );
    await expect(checked.next()).resolves.toEqual({ value: 1, done: false });
    await expect(checked.next()).resolves.toEqual({ value: 2, done: false });
    await expect(checked.next()).rejects.toThrow('gone');
    expect(returned).toHaveBeenCalled();
  });
});
