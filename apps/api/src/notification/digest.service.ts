import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig, EmailConfig } from '../config/env.schema';
import { digestMail, type DigestItem } from './digest-text';
import type { NotificationKind } from './notification-kind';

/** Users mailed per run, and notifications listed per mail (the rest are counted). */
const USERS_PER_RUN = 200;
const ITEMS_PER_MAIL = 20;

interface Row {
  user_id: string;
  email: string;
  display_name: string;
  ids: string[];
  items: { kind: NotificationKind; project: string | null; payload: Record<string, unknown> }[];
  total: number;
}

/**
 * E-mail digests (SMTP_URL set): each user with unread notifications not yet mailed gets one
 * plain-text mail listing them; they are then marked mailed, so a user is told once. Read ones
 * are marked without a mail (the bell told them). A failed send leaves that user's notifications
 * for the next run. Runs in the worker (the `email-digest` job scheduler).
 */
@Injectable()
export class DigestService implements OnModuleDestroy {
  private readonly logger = new Logger('NotificationDigest');
  private transport: Transporter | null = null;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private mailer(email: EmailConfig): Transporter {
    this.transport ??= createTransport(email.smtpUrl);
    return this.transport;
  }

  /** Sends one run of digests; returns how many mails went out. */
  async send(): Promise<number> {
    const email = this.config.email;
    if (email === null) return 0;
    await this.dataSource.query(
      'UPDATE notification SET emailed_at = now() WHERE emailed_at IS NULL AND read_at IS NOT NULL',
    );
    const rows = await this.dataSource.query<Row[]>(
      `SELECT u.id AS user_id, u.email, u.display_name,
              array_agg(n.id) AS ids,
              (array_agg(jsonb_build_object('kind', n.kind, 'project', p.slug, 'payload', n.payload)
                 ORDER BY n.created_at))[1:$2] AS items,
              count(*)::int AS total
         FROM notification n
         JOIN "user" u ON u.id = n.user_id AND u.banned_at IS NULL
         LEFT JOIN project p ON p.id = n.project_id
        WHERE n.emailed_at IS NULL AND n.read_at IS NULL
        GROUP BY u.id
        ORDER BY min(n.created_at)
        LIMIT $1`,
      [USERS_PER_RUN, ITEMS_PER_MAIL],
    );
    let sent = 0;
    for (const row of rows) {
      const items: DigestItem[] = row.items;
      const mail = digestMail(row.display_name, items, row.total - items.length);
      try {
        await this.mailer(email).sendMail({
          from: email.from,
          to: row.email,
          subject: mail.subject,
          text: mail.text,
        });
      } catch (error) {
        this.logger.error(
          `digest to user ${row.user_id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        continue;
      }
      await this.dataSource.query(
        'UPDATE notification SET emailed_at = now() WHERE id = ANY($1::uuid[])',
        [row.ids],
      );
      sent += 1;
    }
    return sent;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}
