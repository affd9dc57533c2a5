import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next, { type i18n as I18n } from 'i18next';
import { I18nextProvider, Trans, initReactI18next, useTranslation } from 'react-i18next';
import type { FetchLike } from './api-client';
import { chorusInContext, type ChorusInContext } from './plugin';

const MARKER = /[\u2060-\u2064]/;

const resources = {
  en: {
    translation: {
      items_one: '{{count}} item',
      items_other: '{{count}} items',
      greeting: 'Hello {{name}}',
      brand: 'Chorus',
      welcome: 'Welcome to $t(brand)',
      rich: 'Read <1>the guide</1> now',
      friend_male: 'He is a friend',
      title: 'Search',
    },
    other: { plain: 'From another namespace' },
  },
  de: { translation: { items_one: '{{count}} Eintrag', items_other: '{{count}} Einträge' } },
};

function App() {
  const { t } = useTranslation();
  return (
    <main>
      <p data-testid="items">{t('items', { count: 3 })}</p>
      <p data-testid="greeting">{t('greeting', { name: 'Ada' })}</p>
      <p data-testid="welcome">{t('welcome')}</p>
      <p data-testid="rich">
        <Trans i18nKey="rich">
          Read <a href="/guide">the guide</a> now
        </Trans>
      </p>
      <p data-testid="friend">{t('friend', { context: 'male' })}</p>
      <p data-testid="other">{t('other:plain')}</p>
      <input data-testid="search" placeholder={t('title')} />
    </main>
  );
}

interface Call {
  readonly query: string;
  readonly variables: Record<string, unknown>;
}

function fakeChorus(signedIn = true, openProject = false): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  // jsdom has no Response: the client reads only status and json().
  const answer = (data: unknown) =>
    Promise.resolve({ status: 200, json: () => Promise.resolve(data) } as unknown as Response);
  const fetch: FetchLike = (_url, init) => {
    const body = JSON.parse(String(init.body)) as Call;
    calls.push(body);
    const q = body.query;
    if (q.includes('me {'))
      return answer({ data: { me: signedIn ? { displayName: 'Ada' } : null } });
    if (q.includes('stringByKey'))
      return answer({
        data: {
          stringByKey: {
            id: 's1',
            key: 'items',
            namespace: 'translation',
            kind: 'plural',
            context: null,
            description: null,
            maxLength: null,
            locked: false,
            status: 'UNTRANSLATED',
            sourceForms: [
              { category: 'one', text: '{{count}} item' },
              { category: 'other', text: '{{count}} items' },
            ],
            requiredForms: [
              { category: 'one', examples: '1' },
              { category: 'other', examples: '0, 2-999' },
            ],
          },
        },
      });
    if (q.includes('candidates('))
      return answer({ data: { candidates: { hasVoted: false, candidates: [] } } });
    if (q.includes('glossaryHits'))
      return answer({
        errors: [{ message: 'no field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
      });
    if (q.includes('viewerCan'))
      return answer({
        data: {
          project: { viewerCan: { canJoin: openProject, joinedLocales: [], roles: [] } },
        },
      });
    if (q.includes('joinProject')) return answer({ data: { joinProject: { id: 'm1' } } });
    if (q.includes('submitTranslation') && refuseSubmissions)
      return answer({
        errors: [{ message: 'Fix the placeholders.', extensions: { code: 'CHECK_FAILED' } }],
      });
    if (q.includes('submitTranslation'))
      return answer({ data: { submitTranslation: { candidate: { id: 'c1' } } } });
    return answer({ errors: [{ message: `unexpected ${q}`, extensions: { code: 'TEST' } }] });
  };
  return { fetch, calls };
}

async function setUp(search: string, signedIn = true, openProject = false) {
  window.history.replaceState(null, '', `/${search}`);
  window.sessionStorage.clear();
  const chorus = fakeChorus(signedIn, openProject);
  const plugin = chorusInContext({
    project: 'demo',
    apiUrl: 'http://chorus.test',
    enabled: true,
    fetch: chorus.fetch,
  });
  started.push(plugin);
  const i18n: I18n = i18next.createInstance();
  await i18n
    .use(plugin)
    .use(initReactI18next)
    .init({
      lng: 'en',
      resources: JSON.parse(JSON.stringify(resources)) as typeof resources, // previews write into it
      ns: ['translation', 'other'],
      interpolation: { escapeValue: false },
    });
  return { i18n, plugin, calls: chorus.calls };
}

function renderApp(i18n: I18n) {
  return render(
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>,
  );
}

async function waitActive(plugin: ChorusInContext) {
  await waitFor(() => expect(plugin.active).toBe(true));
}

function keysShown(plugin: ChorusInContext): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const region of plugin.keyRegions())
    out.set(region.key, [...(out.get(region.key) ?? []), region.ns]);
  return out;
}

const started: ChorusInContext[] = [];
let refuseSubmissions = false;

afterEach(() => {
  // One page, several plugins: an earlier one's scanner would strip the next one's markers.
  for (const plugin of started.splice(0)) plugin.dispose();
  refuseSubmissions = false;
  document.body.replaceChildren();
});

describe('in-context mode off', () => {
  it('renders plain strings: no markers, no requests, no post-processor', async () => {
    const { i18n, plugin, calls } = await setUp('');
    renderApp(i18n);
    expect(screen.getByTestId('items').textContent).toBe('3 items');
    expect(MARKER.test(document.body.innerHTML)).toBe(false);
    expect(calls).toEqual([]);
    expect(i18n.options.postProcess).toBeFalsy();
    expect(plugin.active).toBe(false);
    expect(plugin.keyRegions()).toEqual([]);
    expect(document.querySelector('[data-chorus-in-context]')).toBeNull();
  });

  it('stays off in a build that is not enabled, even with the query parameter', async () => {
    window.history.replaceState(null, '', '/?chorus-in-context=1');
    const chorus = fakeChorus();
    const plugin = chorusInContext({
      project: 'demo',
      apiUrl: 'http://chorus.test',
      enabled: false,
      fetch: chorus.fetch,
    });
    const i18n = i18next.createInstance();
    await i18n.use(plugin).use(initReactI18next).init({ lng: 'en', resources });
    renderApp(i18n);
    expect(MARKER.test(document.body.innerHTML)).toBe(false);
    expect(chorus.calls).toEqual([]);
  });

  it('asks for a sign-in and marks nothing without a Chorus session', async () => {
    const { i18n, plugin, calls } = await setUp('?chorus-in-context=1', false);
    renderApp(i18n);
    await waitFor(() => expect(calls.length).toBe(1));
    await waitFor(() => expect(document.querySelector('[data-chorus-in-context]')).not.toBeNull());
    expect(plugin.active).toBe(false);
    expect(MARKER.test(document.body.innerHTML)).toBe(false);
    const shadow = document.querySelector('[data-chorus-in-context]')?.shadowRoot;
    expect(shadow?.querySelector('input[type=password]')).not.toBeNull();
  });
});

describe('the shortcut', () => {
  it('Alt+Shift+C switches the mode on (after the session check) and off again', async () => {
    const { i18n, plugin, calls } = await setUp('');
    renderApp(i18n);
    expect(plugin.active).toBe(false);
    fireEvent.keyDown(window, { key: 'C', code: 'KeyC', altKey: true, shiftKey: true });
    await waitActive(plugin);
    expect(calls.map((c) => c.query)).toEqual(['{ me { displayName } }']);
    expect(window.sessionStorage.getItem('chorus-in-context')).toBe('1');
    await waitFor(() => expect(keysShown(plugin).get('items')).toBeDefined());

    act(() => {
      fireEvent.keyDown(window, { key: 'C', code: 'KeyC', altKey: true, shiftKey: true });
    });
    expect(plugin.active).toBe(false);
    expect(window.sessionStorage.getItem('chorus-in-context')).toBeNull();
    expect(i18n.options.postProcessPassResolved).toBeFalsy();
    expect(MARKER.test(document.body.innerHTML)).toBe(false);
  });
});

describe('in-context mode on', () => {
  it('outlines translatable text on hover, and nothing elsewhere', async () => {
    const { i18n, plugin } = await setUp('?chorus-in-context=1');
    renderApp(i18n);
    await waitActive(plugin);
    await waitFor(() => expect(keysShown(plugin).get('items')).toBeDefined());
    const overlay = document
      .querySelector('[data-chorus-in-context]')
      ?.shadowRoot?.querySelector<HTMLElement>('.overlay');
    fireEvent.mouseMove(screen.getByTestId('items'));
    expect(overlay?.style.display).toBe('block');
    fireEvent.mouseMove(document.querySelector('main')!);
    expect(overlay?.style.display).toBe('none');
  });

  it('maps plurals, interpolation, nesting, context, namespaces, Trans and attributes to their keys', async () => {
    const { i18n, plugin } = await setUp('?chorus-in-context=1');
    renderApp(i18n);
    await waitActive(plugin);
    await waitFor(() => expect(keysShown(plugin).get('items')).toEqual(['translation']));
    // What users see is unchanged: markers are stripped once found.
    expect(screen.getByTestId('items').textContent).toBe('3 items');
    expect(screen.getByTestId('greeting').textContent).toBe('Hello Ada');
    expect(screen.getByTestId('welcome').textContent).toBe('Welcome to Chorus');
    expect(screen.getByTestId('rich').textContent).toBe('Read the guide now');
    expect(screen.getByTestId('search').getAttribute('placeholder')).toBe('Search');
    expect(MARKER.test(document.body.innerHTML)).toBe(false);

    const keys = keysShown(plugin);
    expect(keys.get('greeting')).toEqual(['translation']);
    expect(keys.get('welcome')).toEqual(['translation']);
    expect(keys.get('brand')).toEqual(['translation']); // the nested key, beside its host
    expect(keys.get('rich')).toEqual(['translation']);
    expect(keys.get('friend_male')).toEqual(['translation']);
    expect(keys.get('plain')).toEqual(['other']);
    expect(keys.get('title')).toEqual(['translation']);
  });

  it('follows re-renders: a language change is marked and stripped again', async () => {
    const { i18n, plugin } = await setUp('?chorus-in-context=1');
    renderApp(i18n);
    await waitActive(plugin);
    await act(async () => {
      await i18n.changeLanguage('de');
    });
    await waitFor(() => expect(screen.getByTestId('items').textContent).toBe('3 Einträge'));
    expect(MARKER.test(document.body.innerHTML)).toBe(false);
    expect(keysShown(plugin).get('items')).toEqual(['translation']);
  });

  it('opens the panel on Alt+click, submits every plural form and previews the text in place', async () => {
    const { i18n, plugin, calls } = await setUp('?chorus-in-context=1');
    renderApp(i18n);
    await waitActive(plugin);
    await waitFor(() => expect(keysShown(plugin).get('items')).toBeDefined());

    fireEvent.click(screen.getByTestId('items'), { altKey: true });
    const shadow = document.querySelector('[data-chorus-in-context]')?.shadowRoot;
    if (shadow === null || shadow === undefined) throw new Error('no panel host');
    await waitFor(() => expect(shadow.querySelector('form[data-chorus-submit]')).not.toBeNull());
    expect(shadow.querySelector('[data-chorus-key]')?.textContent).toBe('translation:items');
    expect(shadow.querySelector('[data-chorus-glossary]')).toBeNull();
    const lookup = calls.find((c) => c.query.includes('stringByKey'));
    expect(lookup?.variables).toEqual({
      project: 'demo',
      locale: 'en',
      namespace: 'translation',
      key: 'items',
    });

    const areas = shadow.querySelectorAll('textarea');
    expect([...areas].map((a) => a.dataset['category'])).toEqual(['one', 'other']);
    fireEvent.change(areas[0]!, { target: { value: '{{count}} thing' } });
    fireEvent.change(areas[1]!, { target: { value: '{{count}} things' } });
    fireEvent.submit(shadow.querySelector('form[data-chorus-submit]')!);

    await waitFor(() => expect(screen.getByTestId('items').textContent).toBe('3 things'));
    const submit = calls.find((c) => c.query.includes('submitTranslation'));
    expect(submit?.variables).toEqual({
      input: {
        stringId: 's1',
        locale: 'en',
        forms: [
          { category: 'one', text: '{{count}} thing' },
          { category: 'other', text: '{{count}} things' },
        ],
      },
    });
    expect(MARKER.test(document.body.innerHTML)).toBe(false);
  });

  it('joins an open project on first use before submitting', async () => {
    const { i18n, plugin, calls } = await setUp('?chorus-in-context=1', true, true);
    renderApp(i18n);
    await waitActive(plugin);
    await waitFor(() => expect(keysShown(plugin).get('items')).toBeDefined());
    fireEvent.click(screen.getByTestId('items'), { altKey: true });
    const shadow = document.querySelector('[data-chorus-in-context]')?.shadowRoot;
    await waitFor(() => expect(shadow?.querySelector('form[data-chorus-submit]')).not.toBeNull());
    for (const area of shadow?.querySelectorAll('textarea') ?? []) {
      fireEvent.change(area, { target: { value: '{{count}} x' } });
    }
    fireEvent.submit(shadow!.querySelector('form[data-chorus-submit]')!);
    await waitFor(() => expect(screen.getByTestId('items').textContent).toBe('3 x'));
    const order = calls.map((c) => c.query).filter((q) => /joinProject|submitTranslation/.test(q));
    expect(order.map((q) => (q.includes('joinProject') ? 'join' : 'submit'))).toEqual([
      'join',
      'submit',
    ]);
  });

  it('shows why Chorus refused a submission, and previews nothing', async () => {
    const { i18n, plugin, calls } = await setUp('?chorus-in-context=1');
    renderApp(i18n);
    await waitActive(plugin);
    await waitFor(() => expect(keysShown(plugin).get('greeting')).toBeDefined());
    fireEvent.click(screen.getByTestId('greeting'), { altKey: true });
    const shadow = document.querySelector('[data-chorus-in-context]')?.shadowRoot;
    await waitFor(() => expect(shadow?.querySelector('form[data-chorus-submit]')).not.toBeNull());
    expect(calls.some((c) => c.variables['key'] === 'greeting')).toBe(true);
    refuseSubmissions = true;
    fireEvent.submit(shadow!.querySelector('form[data-chorus-submit]')!);
    await waitFor(() =>
      expect(shadow?.querySelector('.status[data-state="error"]')?.textContent).toBe(
        'Chorus refused: Fix the placeholders.',
      ),
    );
    expect(screen.getByTestId('greeting').textContent).toBe('Hello Ada');
  });

  it('an ordinary click is left to the app', async () => {
    const { i18n, plugin } = await setUp('?chorus-in-context=1');
    renderApp(i18n);
    await waitActive(plugin);
    const shadow = document.querySelector('[data-chorus-in-context]')?.shadowRoot;
    fireEvent.click(screen.getByTestId('items'));
    expect(shadow?.querySelector('[data-chorus-panel]')?.hasAttribute('hidden')).toBe(true);
  });

  it('switches off completely: no post-processor, no UI, plain strings again', async () => {
    const { i18n, plugin } = await setUp('?chorus-in-context=1');
    renderApp(i18n);
    await waitActive(plugin);
    act(() => plugin.deactivate());
    expect(i18n.options.postProcess).toEqual([]);
    expect(document.querySelector('[data-chorus-in-context]')).toBeNull();
    expect(i18n.t('items', { count: 1 })).toBe('1 item');
  });
});
