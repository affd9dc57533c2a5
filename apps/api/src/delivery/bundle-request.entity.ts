import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ProjectEntity } from '../catalogue/project.entity';

/**
 * A project's pending rebuild requests, written only by `BundleRebuildProducer` (builds only read
 * it, so a request never conflicts with a build's snapshot). `requestedSeq` grows on every request;
 * `allSeq` is the last request that covered every locale (a source change) and `localeSeqs` maps a
 * locale code to the last request that named it (a decided winner). A build that recorded
 * `bundle_set.built_seq = B` rebuilds everything when `allSeq > B`, else the locales above B.
 */
@Entity({ name: 'bundle_request' })
export class BundleRequestEntity {
  @PrimaryColumn({
    name: 'project_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_bundle_request',
  })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id', foreignKeyConstraintName: 'FK_bundle_request_project' })
  project?: ProjectEntity;

  @Column({ name: 'requested_seq', type: 'bigint', default: 0 })
  requestedSeq!: string;

  @Column({ name: 'all_seq', type: 'bigint', default: 0 })
  allSeq!: string;

  @Column({ name: 'locale_seqs', type: 'jsonb', default: () => "'{}'" })
  localeSeqs!: Record<string, number>;
}
