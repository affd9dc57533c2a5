import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RoundSchedulerProducer } from '../../src/voting/round-scheduler.producer';

/**
 * Ends a unit's COLLECTING round now, as its timer would at the deadline: moves the deadline just
 * into the past and schedules the worker's deadline tick. Tests give rounds a deadline an hour
 * away and call this once every vote has landed, so a slow machine can never let the wall clock
 * close a round before the test's votes are in.
 */
export async function closeRoundNow(app: INestApplication, unitId: string): Promise<void> {
  const db = app.get(DataSource);
  const [round] = (await db.query(
    "SELECT id FROM round WHERE unit_id = $1 AND state = 'COLLECTING'",
    [unitId],
  )) as { id: string }[];
  if (round === undefined) throw new Error(`unit ${unitId} has no collecting round`);
  const [moved] = (await db.query("SELECT (now() - interval '1 millisecond') AS at")) as {
    at: Date;
  }[];
  const at = (moved as { at: Date }).at;
  await db.query('UPDATE round SET deadline = $2 WHERE id = $1', [round.id, at]);
  await app
    .get(RoundSchedulerProducer)
    .scheduleTick({ unitId, roundId: round.id, reason: 'deadline' }, at.getTime(), Date.now());
}
