import type { DataSource, EntityManager } from 'typeorm';
import { targetKeyOf } from './target-key';

/**
 * Files the abuse scan's flag as a report by the system in the project's moderation queue
 * (project-wide: the owners handle it). One report per flag, ever: a later scan that finds the
 * same pattern updates the flag row and files nothing new. The reported user is the flag's first
 * account (the author for AUTHOR_CONCENTRATION and NEW_ACCOUNT_BURST).
 */
export async function fileScanReport(
  target: DataSource | EntityManager,
  flag: { id: string; projectId: string; kind: string; userIds: readonly string[] },
): Promise<void> {
  const reported = flag.userIds[0];
  if (reported === undefined) return;
  await target.query(
    `INSERT INTO moderation_report (project_id, locale, target_kind, target_key, target_user_id,
                                    abuse_flag_id, reason, note)
     VALUES ($1, NULL, 'USER', $5, $2, $3, 'ABUSE_SCAN', $4)
     ON CONFLICT (abuse_flag_id) DO NOTHING`,
    [
      flag.projectId,
      reported,
      flag.id,
      `${flag.kind} (${flag.userIds.length} accounts)`,
      targetKeyOf('USER', reported),
    ],
  );
}
