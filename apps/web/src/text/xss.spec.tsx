import { screen } from '@testing-library/react';
import { makeCandidate, makeCandidateList, makeString, makeAccess } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { VotePanel } from '../vote/vote-panel';
import { TranslatePage } from '../workspace/translate-page';

jest.mock('../subscriptions', () => ({ subscribe: () => () => undefined }));

const HOSTILE = '<img src=x onerror=alert(1)>';
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

describe('untrusted text is inert', () => {
  const alert = jest.fn();
  beforeEach(() => {
    window.alert = alert;
    globalThis.fetch = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ProjectAccess: () => ({ project: makeAccess() }),
      Project: () => ({
        project: { id: 'p', slug: 'demo', name: 'Demo', sourceLocale: 'en', visibility: 'public' },
      }),
      NextString: () => ({
        nextString: makeString({ sourceForms: [{ category: '', text: `Hi ${HOSTILE}` }] }),
      }),
      OneString: () => ({ string: makeString({ sourceForms: [{ category: '', text: HOSTILE }] }) }),
      Suggestions: () => ({
        suggestions: [
          { sourceText: HOSTILE, similarity: 0.5, forms: [{ category: '', text: HOSTILE }] },
        ],
      }),
      Candidates: () => ({
        candidates: makeCandidateList({
          candidates: [makeCandidate({ forms: [{ category: '', text: `x ${HOSTILE}` }] })],
        }),
      }),
    }).fetch;
  });

  it('shows a hostile candidate and source in the vote view as text, creating no img', async () => {
    await renderApp(<VotePanel project="demo" locale="pl" stringId="s1" />);
    const card = await screen.findByTestId('candidate');
    expect(card.textContent).toContain(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('[onerror]')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });

  it('shows hostile source, suggestion and candidate text in the workspace as tokens, not HTML', async () => {
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    const source = await screen.findByTestId('source-text');
    await screen.findByText('50% similar');
    expect(source.textContent).toBe(`Hi ${HOSTILE}`);
    expect(source.querySelector('code.token-tag')?.textContent).toBe(HOSTILE);
    expect(document.querySelector('img')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
  });
});
