import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import type { TranslatableString } from '../api/types';
import { PLURAL_SOURCE, makeCandidateList, makeString, makeAccess } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { TranslatePage } from './translate-page';

const PROJECT = { id: 'p1', slug: 'demo', name: 'Demo', sourceLocale: 'en', visibility: 'public' };
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

function setup(queue: TranslatableString[]) {
  const remaining = [...queue];
  // The server's lease: asked again, nextString renews the string held, unless it was skipped or
  // a translation of it went in.
  let held: TranslatableString | undefined;
  const mock = graphqlFetch({
    Status: () => ({ health: HEALTH, me: ME }),
    Project: () => ({ project: PROJECT }),
    ProjectAccess: () => ({ project: makeAccess() }),
    NextString: (v) => {
      const skip = (v['skip'] ?? []) as string[];
      if (held === undefined || skip.includes(held.id)) held = remaining.shift();
      return { nextString: held ?? null };
    },
    Suggestions: () => ({
      suggestions: [
        { sourceText: 'Hello', similarity: 0.82, forms: [{ category: '', text: 'Cześć' }] },
      ],
    }),
    Candidates: () => ({ candidates: makeCandidateList() }),
    SubmitTranslation: (v) => {
      held = undefined;
      return {
        submitTranslation: {
          mergedIntoExisting: false,
          warnings: [],
          candidate: { id: 'new', input: v },
        },
      };
    },
  });
  globalThis.fetch = mock.fetch;
  return mock;
}

function textarea(label: RegExp | string): HTMLTextAreaElement {
  const element = screen.getByLabelText(label);
  if (!(element instanceof HTMLTextAreaElement)) throw new Error('not a textarea');
  return element;
}

const ctrlEnter = { key: 'Enter', code: 'Enter', ctrlKey: true };

describe('translate workspace', () => {
  it('shows one labelled input per Polish plural form with example numbers', async () => {
    setup([makeString({ id: 'p', kind: 'plural', sourceForms: PLURAL_SOURCE })]);
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    await screen.findByText(/Your translation/);
    const labels = Array.from(document.querySelectorAll('.plural-input label')).map(
      (l) => l.textContent,
    );
    expect(labels).toHaveLength(4);
    expect(labels[0]).toBe('one — 1');
    expect(labels[1]).toMatch(/^few — 2–4, 22–24, 32–34/);
    expect(labels[2]).toMatch(/^many — 0, 5–21, 25–31/);
    expect(labels[3]).toMatch(/^other — /);
    for (const input of document.querySelectorAll('textarea')) {
      expect(
        screen.getByLabelText(
          document.querySelector(`label[for="${input.id}"]`)?.textContent ?? '-',
        ),
      ).toBe(input);
    }
  });

  it('runs the checks live: a broken placeholder is an error and blocks submitting', async () => {
    const mock = setup([makeString()]);
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    const input = await screen.findByLabelText('Translation');
    fireEvent.change(input, { target: { value: 'Cześć {{nam}}, otwórz <0>ustawienia</0>' } });
    expect(screen.getByTestId('live-checks').textContent).toContain('PLACEHOLDER_MISSING');
    fireEvent.keyDown(input, ctrlEnter);
    fireEvent.click(screen.getByRole('button', { name: /Submit and next/ }));
    expect(screen.getByTestId('workspace-status').textContent).toMatch(
      /Fix \d errors? before submitting/,
    );
    expect(mock.calls.some((c) => c.operation === 'SubmitTranslation')).toBe(false);

    fireEvent.change(input, { target: { value: 'Cześć {{name}}, otwórz <0>ustawienia</0>' } });
    expect(screen.getByTestId('live-checks').textContent).not.toContain('Error');
  });

  it('is keyboard-first: insert placeholder, copy source, skip and submit-and-next', async () => {
    const mock = setup([
      makeString({ id: 'a' }),
      makeString({ id: 'b', sourceForms: [{ category: '', text: 'Bye' }] }),
      makeString({ id: 'c', sourceForms: [{ category: '', text: 'Third' }] }),
    ]);
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    await screen.findByLabelText('Translation');
    const input = textarea('Translation');
    await waitFor(() => expect(document.activeElement).toBe(input));

    fireEvent.change(input, { target: { value: 'Cześć ' } });
    input.setSelectionRange(6, 6);
    act(() => {
      fireEvent.keyDown(input, { key: '¡', code: 'Digit1', altKey: true });
    });
    expect(input.value).toBe('Cześć {{name}}');
    // The caret is behind the token as soon as the insert renders (typing goes on from there).
    expect(input.selectionStart).toBe('Cześć {{name}}'.length);

    fireEvent.keyDown(input, { key: 'ç', code: 'KeyC', altKey: true });
    expect(input.value).toBe('Hello {{name}}, open <0>settings</0>');

    fireEvent.change(input, { target: { value: 'Cześć {{name}}, otwórz <0>ustawienia</0>' } });
    fireEvent.keyDown(input, ctrlEnter);
    await screen.findByText('Bye');
    const submit = mock.calls.find((c) => c.operation === 'SubmitTranslation');
    expect(submit?.variables).toEqual({
      input: {
        stringId: 'a',
        locale: 'pl',
        forms: [{ category: '', text: 'Cześć {{name}}, otwórz <0>ustawienia</0>' }],
      },
    });
    expect(screen.getByTestId('queue-status').textContent).toBe(
      '1 translation submitted in this session.',
    );

    fireEvent.keyDown(textarea('Translation'), {
      key: 'ArrowRight',
      code: 'ArrowRight',
      ctrlKey: true,
    });
    await screen.findByText('Third');
    const skips = mock.calls
      .filter((c) => c.operation === 'NextString')
      .map((c) => c.variables['skip']);
    expect(skips.at(-1)).toEqual(['b']);
  });

  it('documents the shortcuts in a help panel that Alt+H opens', async () => {
    setup([makeString()]);
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    await screen.findByLabelText('Translation');
    const details = screen
      .getByText('Keyboard shortcuts', { selector: 'summary' })
      .closest('details');
    expect(details?.open).toBe(false);
    act(() => {
      fireEvent.keyDown(window, { key: 'h', code: 'KeyH', altKey: true });
    });
    expect(details?.open).toBe(true);
    expect(details?.textContent).toContain('Ctrl+Enter');
    expect(details?.textContent).toContain('Alt+1 … Alt+9');
  });

  it('shows translation-memory suggestions with their similarity', async () => {
    setup([makeString()]);
    await renderApp(<TranslatePage slug="demo" locale="pl" />, '/projects/demo/pl/translate');
    expect((await screen.findByText('82% similar')).textContent).toBe('82% similar');
    fireEvent.click(screen.getByRole('button', { name: 'Use this' }));
    expect(textarea('Translation').value).toBe('Cześć');
  });
});
