import { chorusInContext } from '@chorus/i18next-in-context';
import i18next from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'de', 'pl'] as const;

const apiUrl = import.meta.env.VITE_CHORUS_API || window.location.origin;
const project = import.meta.env.VITE_CHORUS_PROJECT || 'example';

/** The bundles Chorus ships: the same URLs a production app (or `chorus pull`) would use. */
export async function initI18n(): Promise<void> {
  const lng = new URLSearchParams(window.location.search).get('lng') ?? 'en';
  await i18next
    .use(HttpBackend)
    .use(initReactI18next)
    // A demo: in-context translation is allowed in every build unless switched off at build time.
    .use(
      chorusInContext({
        project,
        apiUrl,
        enabled: import.meta.env.VITE_CHORUS_IN_CONTEXT !== 'false',
      }),
    )
    .init({
      lng,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      interpolation: { escapeValue: false },
      backend: { loadPath: `${apiUrl}/bundles/${project}/{{lng}}/{{ns}}.json` },
    });
}
