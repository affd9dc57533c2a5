import { fireEvent, screen, waitFor } from '@testing-library/react';
import type { GlossaryTerm } from '../api/glossary-operations';
import { glossaryFormatOf, importGlossary } from '../api/glossary-upload';
import { makeAccess } from '../testing/fixtures';
import { HEALTH, ME, graphqlFetch, renderApp } from '../testing/render-app';
import { GlossaryPage } from './glossary-page';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

const WORKSPACE: GlossaryTerm = {
  id: 't1',
  stringId: 's1',
  term: 'workspace',
  description: 'Where a team keeps its projects',
  partOfSpeech: 'noun',
  caseSensitive: false,
  doNotTranslate: false,
  translation: 'przestrzeń robocza',
};

/** A viewer the permission table lets manage the glossary (owner, developer or language manager). */
const MANAGER = makeAccess({ actions: ['glossary.manage', 'translation.submit', 'vote.cast'] });

describe('glossary page', () => {
  it('lists terms with their approved translation and adds a term', async () => {
    const terms: GlossaryTerm[] = [WORKSPACE];
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ProjectAccess: () => ({ project: MANAGER }),
      GlossaryTerms: () => ({ glossaryTerms: terms }),
      CreateGlossaryTerm: (v) => {
        const created = { ...WORKSPACE, id: 't2', term: String(v['term']), translation: null };
        terms.push(created);
        return { createGlossaryTerm: created };
      },
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<GlossaryPage slug="demo" locale="pl" />, '/projects/demo/pl/glossary');
    const list = await screen.findByTestId('glossary-terms');
    expect(list.textContent).toContain('przestrzeń robocza');
    expect(list.textContent).toContain('Where a team keeps its projects');
    expect(mock.calls.find((c) => c.operation === 'GlossaryTerms')?.variables).toEqual({
      project: 'demo',
      locale: 'pl',
    });

    fireEvent.change(screen.getByLabelText('Term'), { target: { value: ' Chorus ' } });
    fireEvent.click(screen.getByLabelText('Do not translate'));
    fireEvent.click(screen.getByRole('button', { name: 'Add term' }));
    await waitFor(() =>
      expect(screen.getByTestId('glossary-terms').textContent).toContain('Chorus'),
    );
    expect(mock.calls.find((c) => c.operation === 'CreateGlossaryTerm')?.variables).toEqual({
      project: 'demo',
      term: 'Chorus',
      description: '',
      partOfSpeech: null,
      caseSensitive: false,
      doNotTranslate: true,
    });
  });

  it('offers a viewer who may not manage the glossary no term forms, only the terms and export', async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ProjectAccess: () => ({ project: makeAccess() }),
      GlossaryTerms: () => ({ glossaryTerms: [WORKSPACE] }),
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<GlossaryPage slug="demo" locale="pl" />, '/projects/demo/pl/glossary');
    await screen.findByText('przestrzeń robocza');
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeTruthy();
    expect(screen.queryByLabelText('Term')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add term' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });

  it("shows the server's refusal when the viewer's rights changed meanwhile", async () => {
    const mock = graphqlFetch({
      Status: () => ({ health: HEALTH, me: ME }),
      ProjectAccess: () => ({ project: MANAGER }),
      GlossaryTerms: () => ({ glossaryTerms: [] }),
      CreateGlossaryTerm: () => {
        throw Object.assign(new Error('You may not glossary: manage in project "demo".'), {
          code: 'FORBIDDEN',
        });
      },
    });
    globalThis.fetch = mock.fetch;
    await renderApp(<GlossaryPage slug="demo" locale="pl" />, '/projects/demo/pl/glossary');
    await screen.findByText('No terms yet.');
    fireEvent.change(screen.getByLabelText('Term'), { target: { value: 'budget' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add term' }));
    await screen.findByText(/You may not glossary: manage/);
  });
});

describe('glossary upload', () => {
  it('sends a GraphQL multipart request with the format taken from the file name', async () => {
    expect(glossaryFormatOf('terms.TBX')).toBe('TBX');
    expect(glossaryFormatOf('terms.csv')).toBe('CSV');
    let sent: FormData | null = null;
    const fetchImpl = (_url: unknown, init?: { body?: unknown }) => {
      sent = init?.body as FormData;
      const data = {
        importGlossary: { created: 1, updated: 0, translations: 2, skippedLocales: [] },
      };
      return Promise.resolve({ status: 200, json: () => Promise.resolve({ data }) } as Response);
    };
    const file = new File(['term\nbudget\n'], 'terms.csv', { type: 'text/csv' });
    const result = await importGlossary('demo', file, fetchImpl as typeof fetch);
    expect(result.translations).toBe(2);
    const operations = JSON.parse(String((sent as unknown as FormData).get('operations'))) as {
      variables: Record<string, unknown>;
    };
    expect(operations.variables).toEqual({ project: 'demo', format: 'CSV', file: null });
  });

  it('turns a GraphQL error into a typed error', async () => {
    const fetchImpl = () =>
      Promise.resolve({
        status: 200,
        json: () =>
          Promise.resolve({
            errors: [{ message: 'Line 1: bad', extensions: { code: 'INVALID_GLOSSARY_FILE' } }],
          }),
      } as Response);
    const file = new File(['x'], 'g.tbx');
    await expect(importGlossary('demo', file, fetchImpl as typeof fetch)).rejects.toMatchObject({
      code: 'INVALID_GLOSSARY_FILE',
    });
  });
});
