import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app';
import { createI18n, preferredLanguage } from './i18n/i18n';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

void createI18n({ language: preferredLanguage(), loadFromApi: true }).then((i18n) => {
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <Suspense fallback={null}>
          <App />
        </Suspense>
      </I18nextProvider>
    </StrictMode>,
  );
});
