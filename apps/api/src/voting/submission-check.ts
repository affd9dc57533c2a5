import { checkTranslation, hasErrors, type Finding } from '@chorus/translation-core';
import { normalizeForms, type Forms } from '@chorus/voting';
import type { PlannedPool } from '../database/planned-pool';
import { loadGlossaryForTexts } from '../glossary/glossary-read';
import type { ActingStringRow } from './acting-rows';
import { votingError } from './voting.errors';

/**
 * A candidate checked against its source string before any lock is taken (DOMAIN C5:
 * placeholders, plurals, tags, length, the project's glossary terms for the locale): errors refuse
 * it with CHECK_FAILED and every finding; warnings travel with the candidate.
 */
export async function checkSubmission(
  genericPlans: Pick<PlannedPool, 'query'>,
  source: ActingStringRow,
  input: { readonly locale: string; readonly localeId: string; readonly forms: Forms },
): Promise<{ forms: Forms; findings: Finding[] }> {
  const forms = normalizeForms(input.forms);
  const findings = checkTranslation({
    source: {
      kind: source.kind,
      forms: source.forms,
      ...(source.max_length === null ? {} : { maxLength: source.max_length }),
    },
    sourceLocale: source.source_locale,
    targetLocale: input.locale,
    forms,
    glossary: await loadGlossaryForTexts(
      genericPlans,
      source.project_id,
      input.localeId,
      Object.values(source.forms),
    ),
  });
  if (hasErrors(findings)) {
    throw votingError(
      'CHECK_FAILED',
      findings
        .filter((f) => f.severity === 'error')
        .map((f) => f.message)
        .join(' '),
      {
        findings: findings.map((f) => ({
          code: f.code,
          severity: f.severity,
          form: f.form,
          message: f.message,
        })),
      },
    );
  }
  return { forms, findings };
}
