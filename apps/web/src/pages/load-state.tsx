import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loading')}</p>;
}

export function ErrorMessage({ message }: { readonly message: string }) {
  return (
    <p role="alert" className="error">
      {message}
    </p>
  );
}
