import type { ReportTargetKind } from './report-kinds';

/** What one open report per reporter and target is keyed by (`candidate:<id>`, `user:<id>`). */
export function targetKeyOf(kind: ReportTargetKind, id: string): string {
  return kind === 'CANDIDATE' ? `candidate:${id}` : `user:${id}`;
}
