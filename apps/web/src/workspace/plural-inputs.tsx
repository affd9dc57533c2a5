import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSlot } from './form-slots';

interface PluralInputsProps {
  readonly slots: readonly FormSlot[];
  readonly values: Readonly<Record<string, string>>;
  readonly onChange: (category: string, text: string) => void;
  readonly onFocusSlot: (category: string) => void;
  /** Filled with each slot's textarea so shortcuts can insert at the caret. */
  readonly inputs: RefObject<Map<string, HTMLTextAreaElement>>;
  readonly idPrefix: string;
  readonly invalidForms: ReadonlySet<string>;
}

/** One labelled textarea per form the target locale needs ("few — 2–4, 22–24, …"). */
export function PluralInputs(props: PluralInputsProps) {
  const { t } = useTranslation();
  return (
    <div className="plural-inputs">
      {props.slots.map((slot) => {
        const id = `${props.idPrefix}-${slot.category === '' ? 'text' : slot.category}`;
        const label =
          slot.category === ''
            ? t('workspace.translation')
            : t('workspace.formLabel', {
                category: t(`plural.category.${slot.category}`, { defaultValue: slot.category }),
                examples: slot.examples,
              });
        return (
          <div key={slot.category} className="plural-input">
            <label htmlFor={id}>{label}</label>
            <textarea
              id={id}
              rows={2}
              value={props.values[slot.category] ?? ''}
              aria-invalid={props.invalidForms.has(slot.category)}
              data-category={slot.category}
              spellCheck
              ref={(element) => {
                if (element === null) props.inputs.current.delete(slot.category);
                else props.inputs.current.set(slot.category, element);
              }}
              onFocus={() => props.onFocusSlot(slot.category)}
              onChange={(event) => props.onChange(slot.category, event.target.value)}
            />
          </div>
        );
      })}
    </div>
  );
}
