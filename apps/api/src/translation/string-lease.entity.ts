import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A volunteer's claim on a unit handed out by `nextString`, so two volunteers are not given the
 * same string at once. Expired leases are simply overwritten.
 */
@Entity({ name: 'string_lease' })
// A claim reads the volunteer's lease in the locale (migration StringLeaseByVolunteerLocale).
@Index('IDX_string_lease_user_locale', ['userId', 'localeId'])
export class StringLeaseEntity {
  @PrimaryColumn({ name: 'string_id', type: 'uuid' })
  stringId!: string;

  @PrimaryColumn({ name: 'locale_id', type: 'uuid' })
  localeId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
