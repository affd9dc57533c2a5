import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ProjectVisibility = 'public' | 'private';

@Entity({ name: 'project' })
@Check('CHK_project_slug', `"slug" ~ '^[a-z0-9][a-z0-9-]{0,62}$'`)
@Check('CHK_project_visibility', `"visibility" IN ('public', 'private')`)
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'source_locale', type: 'text' })
  sourceLocale!: string;

  @Column({ type: 'text', default: 'public' })
  visibility!: ProjectVisibility;

  /** Voting parameters and export policy; validated by the libs before it is written. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: Record<string, unknown>;

  /** Owned by the instance (created by the seed under a reserved slug); see reserved-slugs.ts. */
  @Column({ type: 'boolean', default: false })
  system!: boolean;

  /** Open to volunteers: listed in the open-project directory; any signed-in user may join. */
  @Column({ type: 'boolean', default: false })
  open!: boolean;

  /** Locales the owner asks volunteers for (a subset of the project's locales). */
  @Column({ name: 'help_wanted_locales', type: 'text', array: true, default: () => "'{}'" })
  helpWantedLocales!: string[];

  /** The owner lets the in-context package upload screenshots with key regions (docs/in-context.md). */
  @Column({ name: 'in_context_screenshots', type: 'boolean', default: false })
  inContextScreenshots!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
