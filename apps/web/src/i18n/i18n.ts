import i18next, { type i18n as I18n } from 'i18next';
import HttpBackend from 'i18next-http-backend';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/translation.json';

/** The languages the UI ships in; the API's `chorus-ui` project may add more over time. */
export const UI_LANGUAGES = ['en', 'de', 'pl'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Where the UI's own bundles come from: the demo project the API seeds (the UI translates itself). */
export const UI_BUNDLE_PATH = '/bundles/chorus-ui/{{lng}}/{{ns}}.json';
const STORAGE_KEY = 'chorus.language';

export function isUiLanguage(value: string): value is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(value);
}

export function preferredLanguage(): UiLanguage {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored !== null && isUiLanguage(stored)) return stored;
  for (const tag of window.navigator.languages) {
    const language = tag.split('-')[0] ?? '';
    if (isUiLanguage(language)) return language;
  }
  return 'en';
}

export function rememberLanguage(language: UiLanguage): void {
  window.localStorage.setItem(STORAGE_KEY, language);
}

type BackendCallback = (
  error: unknown,
  response: { status: number; data: string } | null | undefined,
) => void;

/**
 * en is the source and ships in the app, so it is never fetched (no request, no 404 before the
 * API has built bundles); other languages come from the API's decided bundles.
 */
function loadBundle(
  _options: unknown,
  url: string,
  _payload: unknown,
  callback: BackendCallback,
): void {
  if (url.includes('/en/')) {
    callback(null, { status: 200, data: JSON.stringify(en) });
    return;
  }
  fetch(url, { credentials: 'same-origin' })
    .then(async (response) =>
      callback(null, { status: response.status, data: await response.text() }),
    )
    .catch((error: unknown) => callback(error, null));
}

/**
 * Creates the UI's i18next instance. The bundled en catalogue is always present, so a string
 * the API has no decided translation for (or an API without the bundle) falls back to English.
 */
export async function createI18n(options: {
  readonly language: UiLanguage;
  readonly loadFromApi: boolean;
}): Promise<I18n> {
  const instance = i18next.createInstance();
  if (options.loadFromApi) instance.use(HttpBackend);
  instance.use(initReactI18next);
  await instance.init({
    lng: options.language,
    fallbackLng: 'en',
    supportedLngs: [...UI_LANGUAGES],
    ns: ['translation'],
    defaultNS: 'translation',
    resources: { en: { translation: en } },
    partialBundledLanguages: true,
    interpolation: { escapeValue: false }, // React escapes; we never render HTML.
    returnNull: false,
    backend: options.loadFromApi ? { loadPath: UI_BUNDLE_PATH, request: loadBundle } : undefined,
  });
  document.documentElement.lang = instance.language;
  instance.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
  return instance;
}
