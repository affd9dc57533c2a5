import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only audit log: who did what, when. Never updated or deleted by the application. */
@Entity({ name: 'event' })
@Index(['projectId', 'createdAt'])
// A candidate's manager approval (who and why, for "why this won"): an expression index on the
// payload that TypeORM cannot declare; created by migration 1795630000000.
@Index('IDX_event_candidate_approved', { synchronize: false })
export class EventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
