import type { FormKey } from '../model';
import type { Nesting } from '../placeholders/nesting';
import type { Finding } from './finding';
import { finding, formLabel } from './finding';

/** E: `$t()` keys and option keys must match the source; options must be valid JSON (DOMAIN A5). */
export function checkNestings(
  source: readonly Nesting[],
  target: readonly Nesting[],
  form: FormKey,
): Finding[] {
  const out: Finding[] = [];
  const invalid = target.filter((n) => n.optionKeys === null);
  for (const n of invalid) {
    out.push(
      finding(
        'NESTING_OPTIONS_INVALID',
        form,
        `${formLabel(form)} has ${n.raw} whose options are not valid JSON. Copy the $t(…) part from the source unchanged.`,
      ),
    );
  }
  const sig = (n: Nesting): string => `${n.key}\u0000${(n.optionKeys ?? []).join('\u0001')}`;
  const s = source.map(sig).sort();
  const t = target
    .filter((n) => n.optionKeys !== null)
    .map(sig)
    .sort();
  const sourceKeys = source.map((n) => n.key).sort();
  const targetKeys = target.map((n) => n.key).sort();
  if (sourceKeys.join('\u0000') !== targetKeys.join('\u0000')) {
    const describe = (keys: readonly string[]): string =>
      keys.length === 0 ? 'none' : keys.map((k) => `$t(${k})`).join(', ');
    out.push(
      finding(
        'NESTING_MISMATCH',
        form,
        `${formLabel(form)} references ${describe(targetKeys)} but the source references ${describe(sourceKeys)}. Keep the same $t(…) references.`,
      ),
    );
  } else if (invalid.length === 0 && s.join('\u0002') !== t.join('\u0002')) {
    out.push(
      finding(
        'NESTING_MISMATCH',
        form,
        `${formLabel(form)} passes different options to $t(…) than the source. Keep the option names of the source; only translate text outside $t(…).`,
      ),
    );
  }
  return out;
}
