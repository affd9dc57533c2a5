import type { ProjectModel } from './dto/project.model';
import type { ProjectEntity } from './project.entity';
import { votingParamsOf } from './voting-settings';

export function toProjectModel(project: ProjectEntity): ProjectModel {
  return {
    id: project.id,
    slug: project.slug,
    name: project.name,
    sourceLocale: project.sourceLocale,
    visibility: project.visibility,
    votingParameters: { ...votingParamsOf(project.settings) },
    // A project made private stops being open (private projects take invite links).
    open: project.open && project.visibility === 'public',
    helpWantedLocales: [...project.helpWantedLocales],
    inContextScreenshots: project.inContextScreenshots,
    createdAt: project.createdAt,
  };
}
