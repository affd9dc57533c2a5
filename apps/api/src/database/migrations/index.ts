import { InitialSchema1795610077783 } from './1795610077783-InitialSchema';

/** Every migration in order. Committed migrations are never edited; add a new one instead. */
export const MIGRATIONS = [InitialSchema1795610077783];
