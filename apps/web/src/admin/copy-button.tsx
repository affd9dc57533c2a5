import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Copies a value to the clipboard and says so (the label names what is copied). */
export function CopyButton({ value, label }: { readonly value: string; readonly label: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(value).then(() => setCopied(true));
        }}
      >
        {label}
      </button>
      <span role="status" className="muted">
        {copied ? t('common.copied') : ''}
      </span>
    </>
  );
}
