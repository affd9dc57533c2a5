import type { NotificationKind } from './notification-kind';

/** What a digest lists for one notification (plain text; user text never becomes markup). */
export interface DigestItem {
  readonly kind: NotificationKind;
  readonly project: string | null;
  readonly payload: Readonly<Record<string, unknown>>;
}

function text(payload: Readonly<Record<string, unknown>>, key: string): string {
  const value = payload[key];
  return typeof value === 'string' ? value.replace(/[\r\n]+/g, ' ') : '';
}

/** One line per notification, in English (the digest's language until users choose one). */
export function digestLine(item: DigestItem): string {
  const key = text(item.payload, 'stringKey');
  const locale = text(item.payload, 'locale');
  const actor = text(item.payload, 'actorName');
  const where = item.project === null ? '' : `[${item.project}] `;
  const excerpt = text(item.payload, 'excerpt');
  const quoted = excerpt === '' ? '' : ` "${excerpt}"`;
  switch (item.kind) {
    case 'CANDIDATE_WON':
      return `${where}Your translation of ${key} (${locale}) won.${quoted}`;
    case 'CANDIDATE_LOST':
      return `${where}Another translation of ${key} (${locale}) won this round.${quoted}`;
    case 'REPLY':
      return `${where}${actor} replied in the discussion of ${key}.${quoted}`;
    case 'MENTION':
      return `${where}${actor} mentioned you in the discussion of ${key}.${quoted}`;
    case 'QUESTION_ANSWERED':
      return `${where}${actor} answered your question about ${key}.${quoted}`;
    case 'ROUND_NEEDS_DECISION':
      return `${where}The round for ${key} (${locale}) needs your decision.`;
    case 'REPORT_HANDLED':
      return `${where}Your report was handled (${text(item.payload, 'action')}).`;
    case 'MODERATION_WARNING':
      return `${where}A moderator warned you:${quoted}`;
    case 'PROJECT_BAN': {
      const until = text(item.payload, 'until');
      const ends = until === '' ? '' : ` until ${until}`;
      return `${where}A moderator banned you from contributing${ends}:${quoted}`;
    }
    default:
      return item.kind satisfies never;
  }
}

/** The digest's subject and plain-text body. */
export function digestMail(
  displayName: string,
  items: readonly DigestItem[],
  more: number,
): { subject: string; text: string } {
  const count = items.length + more;
  const lines = items.map((i) => `- ${digestLine(i)}`);
  if (more > 0) lines.push(`- … and ${more} more.`);
  return {
    subject: `Chorus: ${count} new notification${count === 1 ? '' : 's'}`,
    text: `Hello ${displayName.replace(/[\r\n]+/g, ' ')},\n\n${lines.join('\n')}\n\nSee them all under the bell in Chorus.\n`,
  };
}
