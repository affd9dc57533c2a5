import { fireEvent, screen } from '@testing-library/react';
import type { GlossaryHit } from '../api/glossary-operations';
import { makeCandidateList, makeString, makeAccess } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { TranslatePage } from './translate-page';

const PROJECT = { id: 'p1', slug: 'demo', name: 'Demo', sourceLocale: 'en', visibility: 'public' };
const SOURCE = 'Open the shared workspace in Chorus';
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function hit(start: number, text: string, term: Partial<GlossaryHit['term']>): GlossaryHit {
  return {
    start,
    end: start + text.length,
    text,
    term: {
      id: text,
      stringId: `string-${text}`,
      term: text,
      description: '',
      partOfSpeech: null,
      caseSensitive: false,
      doNotTranslate: false,
      translation: null,
      ...term,
    },
  };
}

function setup() {
  const mock = graphqlFetch({
    Status: () => ({ health: HEALTH, me: ME }),
    Project: () => ({ project: PROJECT }),
    ProjectAccess: () => ({ project: makeAccess() }),
    NextString: () => ({
      nextString: makeString({ sourceForms: [{ category: '', text: SOURCE }] }),
    }),
    Suggestions: () => ({ suggestions: [] }),
    Candidates: () => ({ candidates: makeCandidateList() }),
    GlossaryHits: () => ({
      glossaryHits: [
        hit(16, 'workspace', {
          translation: 'przestrzeń robocza',
          description: 'Where a team keeps its projects',
        }),
        hit(29, 'Chorus', { doNotTranslate: true, caseSensitive: true }),
      ],
    }),
  });
  globalThis.fetch = mock.fetch;
  return mock;
}

describe('glossary in the translate workspace', () => {
  it('marks the terms in the source and lists them with their approved translation', async () => {
    const mock = setup();
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    const list = await screen.findByTestId('glossary-hits');
    expect(list.textContent).toContain('workspace → przestrzeń robocza');
    expect(list.textContent).toContain('Where a team keeps its projects');
    expect(list.textContent).toContain('keep "Chorus" as is');
    const marks = Array.from(screen.getByTestId('source-text').querySelectorAll('mark'), (m) => [
      m.textContent,
      m.getAttribute('title'),
    ]);
    expect(marks).toEqual([
      ['workspace', 'przestrzeń robocza'],
      ['Chorus', 'keep "Chorus" as is'],
    ]);
    expect(screen.getByTestId('source-text').textContent).toBe(SOURCE);
    const asked = mock.calls.find((c) => c.operation === 'GlossaryHits');
    expect(asked?.variables).toEqual({ project: 'demo', locale: 'pl', text: SOURCE });
  });

  it('warns live when the approved term is not used, and blocks an altered do-not-translate term', async () => {
    const mock = setup();
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    await screen.findByTestId('glossary-hits');
    const input = screen.getByLabelText('Translation');
    const checks = () => screen.getByTestId('live-checks').textContent ?? '';

    fireEvent.change(input, { target: { value: 'Otwórz wspólny obszar w Chorus' } });
    expect(checks()).toContain('GLOSSARY_TERM_MISMATCH');
    expect(checks()).toContain('approved translation');

    fireEvent.change(input, { target: { value: 'Otwórz wspólną przestrzeń roboczą w Chorus' } });
    expect(checks()).not.toContain('GLOSSARY');

    fireEvent.change(input, { target: { value: 'Otwórz wspólną przestrzeń roboczą w Chórze' } });
    expect(checks()).toContain('GLOSSARY_DO_NOT_TRANSLATE');
    fireEvent.click(screen.getByRole('button', { name: /Submit and next/ }));
    expect(mock.calls.some((c) => c.operation === 'SubmitTranslation')).toBe(false);
  });

  it('checks without a glossary when the hits cannot be loaded', async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      Project: () => ({ project: PROJECT }),
      ProjectAccess: () => ({ project: makeAccess() }),
      NextString: () => ({
        nextString: makeString({ sourceForms: [{ category: '', text: SOURCE }] }),
      }),
      Suggestions: () => ({ suggestions: [] }),
      Candidates: () => ({ candidates: makeCandidateList() }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    const input = await screen.findByLabelText('Translation');
    fireEvent.change(input, { target: { value: 'Otwórz obszar w Chórze' } });
    expect(screen.getByTestId('live-checks').textContent).not.toContain('GLOSSARY');
    expect(screen.queryByTestId('glossary-hits')).toBeNull();
  });
});
