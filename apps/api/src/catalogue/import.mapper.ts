import type { ImportJobStatus } from './import-job-status.service';
import type { ImportJobModel, ImportResultModel } from './dto/import.model';
import { capWarnings, importCounts, type ImportResult } from './import-result';

export function toImportResultModel(full: ImportResult): ImportResultModel {
  const result = capWarnings(full);
  return {
    ...importCounts(result),
    warnings: result.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      ...(w.key === undefined ? {} : { key: w.key }),
      ...(w.line === undefined ? {} : { line: w.line }),
    })),
    warningCount: result.warningCount,
    warningsTruncated: result.warningsTruncated,
    // Results stored before the format was recorded were all read as v4.
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
