import type { ImportJobStatus } from './catalogue-import.service';
import type { ImportJobModel, ImportResultModel } from './dto/import.model';
import type { ImportResult } from './import-result';

export function toImportResultModel(result: ImportResult): ImportResultModel {
  return {
    namespace: result.namespace,
    locale: result.locale,
    kind: result.kind,
    added: result.added,
    changed: result.changed,
    removed: result.removed,
    unchanged: result.unchanged,
    imported: result.imported,
    skipped: result.skipped,
    warnings: result.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.key === undefined ? {} : { key: w.key }),
      ...(w.line === undefined ? {} : { line: w.line }),
    })),
    // Results stored before these fields existed: their list was whole or ended in MORE_WARNINGS.
    warningCount: result.warningCount ?? result.warnings.length,
    warningsTruncated: result.warningsTruncated ?? false,
    jsonFormat: result.jsonFormat ?? 'v4',
  };
}

export function toImportJobModel(status: ImportJobStatus): ImportJobModel {
  return {
    id: status.id,
    state: status.state,
    progress: status.progress,
    result: status.result === undefined ? null : toImportResultModel(status.result),
    error: status.error === undefined ? null : { ...status.error },
  };
}
