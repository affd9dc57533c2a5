import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { DigestService } from '../src/notification/digest.service';
import { NotificationService } from '../src/notification/notification.service';
import { signedInClient } from './support/graphql-client';
import {
  flushQueueKeys,
  resetDatabase,
  startApi,
  startWorker,
  testConfig,
  type RunningApi,
} from './support/test-app';

interface Mail {
  readonly from: string;
  readonly to: string[];
  readonly body: string;
}

/**
 * Optional e-mail digests (SMTP_URL): the worker mails each user their unread notifications once,
 * as plain text; read ones are not mailed; a refused send leaves them for the next run. Tested
 * against an in-process SMTP server; the digest run is called directly (no waiting on a timer).
 */
describe('notification e-mail digests', () => {
  let smtp: SMTPServer;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let refuse = false;
  const mails: Mail[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (refuse) {
            callback(new Error('mailbox unavailable'));
            return;
          }
          mails.push({
            from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
            body: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const { port } = smtp.server.address() as AddressInfo;
    api = await startApi(
      testConfig({
        SMTP_URL: `smtp://127.0.0.1:${port}`,
        MAIL_FROM: 'Chorus <chorus@example.test>',
      }),
    );
    await resetDatabase(api.app);
    worker = await startWorker(api.config);
  });

  afterAll(async () => {
    await worker?.close();
    if (api !== undefined) await flushQueueKeys(api.config);
    await api?.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('mails unread notifications once, skips read ones, and retries a refused send', async () => {
    const vera = await signedInClient(api.baseUrl, 'vera');
    const olga = await signedInClient(api.baseUrl, 'olga');
    const notifications = api.app.get(NotificationService);
    const db = api.app.get(DataSource);
    await notifications.notifyMany([
      {
        userId: vera.id,
        kind: 'CANDIDATE_WON',
        payload: { stringKey: 'cart.title', locale: 'pl', excerpt: 'Koszyk' },
      },
      {
        userId: vera.id,
        kind: 'MENTION',
        payload: { stringKey: 'draft', actorName: 'Ada', excerpt: '<b>look</b>' },
      },
      { userId: olga.id, kind: 'REPLY', payload: { stringKey: 'draft', actorName: 'Ada' } },
    ]);
    // Olga read hers in the app: no mail for it.
    await olga.client.ok('mutation { markNotificationsRead(all: true) }');

    const digests = worker.get(DigestService);
    refuse = true;
    expect(await digests.send()).toBe(0);
    refuse = false;
    expect(await digests.send()).toBe(1);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.from).toBe('chorus@example.test');
    expect(mail!.to).toEqual([vera.email]);
    expect(mail!.body).toContain('Subject: Chorus: 2 new notifications');
    expect(mail!.body).toContain('Content-Type: text/plain');
    expect(mail!.body).toContain('- Your translation of cart.title (pl) won. "Koszyk"');
    expect(mail!.body).toContain('- Ada mentioned you in the discussion of draft. "<b>look</b>"');

    // Told once: the next run has nothing to send, and every notification is marked.
    expect(await digests.send()).toBe(0);
    const [left] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM notification WHERE emailed_at IS NULL AND user_id = ANY($1::uuid[])',
      [[vera.id, olga.id]],
    );
    expect(left!.n).toBe(0);
    expect(mails).toHaveLength(1);
  });
});
