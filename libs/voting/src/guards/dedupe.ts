import type { Forms } from '../model/types';
import { compareCodeUnits } from '../rank/rank-order';

/** NFC-normalises every form (ingestion rule, C0); never applied at export. */
export function normalizeForms(forms: Forms): Forms {
  const out: Record<string, string> = {};
  for (const key of Object.keys(forms).sort(compareCodeUnits)) {
    out[key.normalize('NFC')] = (forms[key] ?? '').normalize('NFC');
  }
  return out;
}

/** Dedupe key normalize(forms): identical text (after NFC) for the same unit is one candidate. */
export function dedupeKey(forms: Forms): string {
  const normal = normalizeForms(forms);
  const entries = Object.keys(normal)
    .sort(compareCodeUnits)
    .map((k) => [k, normal[k] ?? '']);
  return JSON.stringify(entries);
}
