import { DataSource } from 'typeorm';
import { seedCatalogue, type SeededCatalogue } from './support/catalogue-fixture';
import { buildBundles } from './support/bundle-build';
import { TestClient, signedInClient } from './support/graphql-client';
import { GenericPlanPool } from '../src/database/generic-plan-pool';
import { loadGlossary, loadGlossaryForTexts } from '../src/glossary/glossary-read';
import { resetDatabase, startApi, testConfig, type RunningApi } from './support/test-app';

const TERM_FIELDS =
  'id stringId term description partOfSpeech caseSensitive doNotTranslate translation';
const CREATE = `mutation($p: String!, $t: String!, $d: String, $pos: String, $cs: Boolean, $dnt: Boolean) {
  createGlossaryTerm(project: $p, term: $t, description: $d, partOfSpeech: $pos, caseSensitive: $cs, doNotTranslate: $dnt) { ${TERM_FIELDS} } }`;
const UPDATE = `mutation($p: String!, $id: ID!, $d: String, $pos: String, $dnt: Boolean) {
  updateGlossaryTerm(project: $p, id: $id, description: $d, partOfSpeech: $pos, doNotTranslate: $dnt) { ${TERM_FIELDS} } }`;
const DELETE = 'mutation($p: String!, $id: ID!) { deleteGlossaryTerm(project: $p, id: $id) }';
const TERMS = `query($p: String!, $l: String) { glossaryTerms(project: $p, locale: $l) { ${TERM_FIELDS} } }`;
const HITS = `query($p: String!, $l: String!, $x: String!) { glossaryHits(project: $p, locale: $l, text: $x) {
  start end text term { term translation doNotTranslate } } }`;
const SUBMIT = `mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) {
  candidate { id } warnings { code severity form message } } }`;
const APPROVE = 'mutation($c: ID!) { approveCandidate(id: $c, reason: "glossary") { state } }';
const ADD_MEMBER = `mutation($p: String!, $e: String!, $r: ProjectRole!, $l: String) {
  addMember(project: $p, email: $e, role: $r, locale: $l) { id } }`;

interface Term {
  id: string;
  stringId: string;
  term: string;
  description: string;
  partOfSpeech: string | null;
  caseSensitive: boolean;
  doNotTranslate: boolean;
  translation: string | null;
}

/**
 * Issue 19 item 1: glossary terms (managers), their translations decided through the string
 * machinery, term hits with the approved translation, and the check on submit (W and E).
 */
describe('the project glossary', () => {
  let api: RunningApi;
  let db: DataSource;
  let owner: TestClient;
  let translator: { client: TestClient; email: string };
  let manager: { client: TestClient; email: string };
  let anonymous: TestClient;
  let seed: SeededCatalogue;
  let workspace: Term;
  let chorus: Term;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_GLOSSARY_WRITES: '20' }));
    await resetDatabase(api.app);
    db = api.app.get(DataSource);
    owner = (await signedInClient(api.baseUrl, 'owner')).client;
    translator = await signedInClient(api.baseUrl, 'translator');
    manager = await signedInClient(api.baseUrl, 'manager');
    anonymous = new TestClient(api.baseUrl);
    seed = await seedCatalogue(api.app, owner, {
      locales: ['pl', 'de'],
      source: { open: 'Open the shared workspace', brand: 'Welcome to Chorus', plain: 'Hello' },
    });
    await owner.ok(ADD_MEMBER, { p: seed.slug, e: manager.email, r: 'language_manager', l: 'pl' });
  }, 60_000);

  afterAll(async () => {
    await api.close();
  });

  it('lets owners and language managers add terms; translators and strangers may not', async () => {
    workspace = (
      await owner.ok<{ createGlossaryTerm: Term }>(CREATE, {
        p: seed.slug,
        t: '  workspace ',
        d: 'Where a team keeps its projects',
        pos: 'noun',
      })
    ).createGlossaryTerm;
    expect(workspace).toMatchObject({
      term: 'workspace',
      partOfSpeech: 'noun',
      caseSensitive: false,
      doNotTranslate: false,
      translation: null,
    });
    chorus = (
      await manager.client.ok<{ createGlossaryTerm: Term }>(CREATE, {
        p: seed.slug,
        t: 'Chorus',
        cs: true,
        dnt: true,
      })
    ).createGlossaryTerm;
    expect(chorus.doNotTranslate).toBe(true);
    expect(await translator.client.errorCode(CREATE, { p: seed.slug, t: 'budget' })).toBe(
      'FORBIDDEN',
    );
    expect(await anonymous.errorCode(CREATE, { p: seed.slug, t: 'budget' })).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('refuses duplicates, blank or oversized input, unknown parts of speech and unknown terms', async () => {
    expect(await owner.errorCode(CREATE, { p: seed.slug, t: 'workspace' })).toBe('TERM_EXISTS');
    expect(await owner.errorCode(CREATE, { p: seed.slug, t: '   ' })).toBe('BAD_USER_INPUT');
    expect(await owner.errorCode(CREATE, { p: seed.slug, t: 'x'.repeat(201) })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await owner.errorCode(CREATE, { p: seed.slug, t: 'ok', pos: 'gerund' })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await owner.errorCode(CREATE, { p: seed.slug, t: 'ok', d: 'd'.repeat(2001) })).toBe(
      'BAD_USER_INPUT',
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(await owner.errorCode(UPDATE, { p: seed.slug, id: missing, d: 'x' })).toBe(
      'TERM_NOT_FOUND',
    );
    expect(await owner.errorCode(DELETE, { p: seed.slug, id: missing })).toBe('TERM_NOT_FOUND');
    expect(await owner.errorCode(TERMS, { p: 'no-such-project' })).toBe('PROJECT_NOT_FOUND');
    expect(await owner.errorCode(TERMS, { p: seed.slug, l: 'fr' })).toBe('UNKNOWN_LOCALE');
    expect(await owner.errorCode(HITS, { p: seed.slug, l: 'pl', x: 'y'.repeat(65_537) })).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('edits a term and keeps the string description in step', async () => {
    const updated = await owner.ok<{ updateGlossaryTerm: Term }>(UPDATE, {
      p: seed.slug,
      id: workspace.id,
      d: 'A team space',
      pos: null,
    });
    expect(updated.updateGlossaryTerm).toMatchObject({
      description: 'A team space',
      partOfSpeech: null,
    });
    const [row] = await db.query<{ description: string }[]>(
      'SELECT description FROM source_string WHERE id = $1',
      [workspace.stringId],
    );
    expect(row?.description).toBe('A team space');
    expect(
      await translator.client.errorCode(UPDATE, { p: seed.slug, id: workspace.id, d: 'x' }),
    ).toBe('FORBIDDEN');
  });

  it('decides term translations like strings: proposed, then approved by a manager', async () => {
    const proposed = await translator.client.ok<{
      submitTranslation: { candidate: { id: string } };
    }>(SUBMIT, {
      i: {
        stringId: workspace.stringId,
        locale: 'pl',
        forms: [{ category: '', text: 'przestrzeń robocza' }],
      },
    });
    await manager.client.ok(APPROVE, { c: proposed.submitTranslation.candidate.id });
    const terms = await anonymous.ok<{ glossaryTerms: Term[] }>(TERMS, { p: seed.slug, l: 'pl' });
    expect(terms.glossaryTerms.map((t) => [t.term, t.translation])).toEqual([
      ['Chorus', null],
      ['workspace', 'przestrzeń robocza'],
    ]);
    const de = await anonymous.ok<{ glossaryTerms: Term[] }>(TERMS, { p: seed.slug, l: 'de' });
    expect(de.glossaryTerms.every((t) => t.translation === null)).toBe(true);
  });

  it('finds term hits in a source text with their approved translation', async () => {
    const text = 'Open the shared Workspace of Chorus (not chorus)';
    const { glossaryHits } = await anonymous.ok<{
      glossaryHits: {
        start: number;
        end: number;
        text: string;
        term: { term: string; translation: string | null };
      }[];
    }>(HITS, { p: seed.slug, l: 'pl', x: text });
    expect(glossaryHits.map((h) => [h.text, h.term.term, h.term.translation])).toEqual([
      ['Workspace', 'workspace', 'przestrzeń robocza'],
      ['Chorus', 'Chorus', null],
    ]);
    expect(text.slice(glossaryHits[0]!.start, glossaryHits[0]!.end)).toBe('Workspace');
    expect(await anonymous.errorCode(HITS, { p: seed.slug, l: 'xx', x: text })).toBe(
      'UNKNOWN_LOCALE',
    );
  });

  it('checks submissions: a warning for the unapproved term, an error for an altered do-not-translate term', async () => {
    const warned = await translator.client.ok<{
      submitTranslation: { warnings: { code: string; severity: string }[] };
    }>(SUBMIT, {
      i: {
        stringId: seed.strings['s:open'],
        locale: 'pl',
        forms: [{ category: '', text: 'Otwórz wspólny obszar' }],
      },
    });
    expect(warned.submitTranslation.warnings).toEqual([
      expect.objectContaining({ code: 'GLOSSARY_TERM_MISMATCH', severity: 'warning' }),
    ]);
    const inflected = await manager.client.ok<{
      submitTranslation: { warnings: { code: string }[] };
    }>(SUBMIT, {
      i: {
        stringId: seed.strings['s:open'],
        locale: 'pl',
        forms: [{ category: '', text: 'Otwórz wspólną przestrzeń roboczą' }],
      },
    });
    expect(inflected.submitTranslation.warnings).toEqual([]);
    const refused = await translator.client.gql(SUBMIT, {
      i: {
        stringId: seed.strings['s:brand'],
        locale: 'pl',
        forms: [{ category: '', text: 'Witamy w Chórze' }],
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CHECK_FAILED');
    expect(JSON.stringify(refused.errors?.[0]?.extensions?.details)).toContain(
      'GLOSSARY_DO_NOT_TRANSLATE',
    );
  });

  it('reads only the terms a text may hold; a hyphenated term is found and checked', async () => {
    const email = (
      await owner.ok<{ createGlossaryTerm: Term }>(CREATE, { p: seed.slug, t: 'e-mail', dnt: true })
    ).createGlossaryTerm;
    const [stored] = await db.query<{ match_key: string | null }[]>(
      'SELECT match_key FROM glossary_term WHERE id = $1',
      [email.id],
    );
    expect(stored?.match_key).toBe('e-m');
    const termsFor = async (texts: string[]) =>
      (await loadGlossary(db.manager, seed.projectId, { code: 'pl' }, { texts }))
        .map((t) => t.term)
        .sort();
    expect(await termsFor(['Send an E-mail', 'from the workspace'])).toEqual([
      'e-mail',
      'workspace',
    ]);
    expect(await termsFor(['Hello'])).toEqual([]);
    expect(await termsFor([])).toEqual([]);
    // A submit's check reads through its own prepared statement: the same rows, translations included.
    const [pl] = await db.query<{ id: string }[]>(
      "SELECT id FROM locale WHERE project_id = $1 AND code = 'pl'",
      [seed.projectId],
    );
    for (const texts of [['Send an E-mail', 'from the workspace'], ['Hello'], [], ['Chorus']]) {
      expect(
        await loadGlossaryForTexts(api.app.get(GenericPlanPool), seed.projectId, pl!.id, texts),
      ).toEqual(await loadGlossary(db.manager, seed.projectId, { code: 'pl' }, { texts }));
    }

    const { glossaryHits } = await anonymous.ok<{ glossaryHits: { text: string }[] }>(HITS, {
      p: seed.slug,
      l: 'pl',
      x: 'Send an e-mail from Chorus',
    });
    expect(glossaryHits.map((h) => h.text)).toEqual(['e-mail', 'Chorus']);
    // Before the pattern fix this submit failed (INTERNAL_SERVER_ERROR) on a project with "e-mail".
    await db.query(
      `UPDATE source_string SET forms = '{"": "Hello, send an e-mail"}'::jsonb,
      source_text = 'Hello, send an e-mail' WHERE id = $1`,
      [seed.strings['s:plain']],
    );
    const refused = await translator.client.gql(SUBMIT, {
      i: {
        stringId: seed.strings['s:plain'],
        locale: 'pl',
        forms: [{ category: '', text: 'Cześć, wyślij maila' }],
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('CHECK_FAILED');
    expect(JSON.stringify(refused.errors?.[0]?.extensions?.details)).toContain(
      'GLOSSARY_DO_NOT_TRANSLATE',
    );
    await owner.ok(DELETE, { p: seed.slug, id: email.id });
  });

  it('keeps term strings out of bundles, string lists and progress', async () => {
    await buildBundles(api.app, seed.projectId);
    const namespaces = await db.query<{ namespace: string }[]>(
      'SELECT DISTINCT namespace FROM bundle WHERE project_id = $1',
      [seed.projectId],
    );
    expect(namespaces.map((n) => n.namespace)).toEqual(['translation']);
    const list = await anonymous.ok<{ strings: { totalCount: number } }>(
      'query($p: String!) { strings(project: $p, locale: "pl") { totalCount } }',
      { p: seed.slug },
    );
    expect(list.strings.totalCount).toBe(3);
  });

  it('rate-limits glossary writes per user', async () => {
    const busy = (await signedInClient(api.baseUrl, 'busy')).client;
    const own = await seedCatalogue(api.app, busy, { locales: ['pl'], source: { a: 'A' } });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 21; i += 1)
      codes.push(await busy.errorCode(CREATE, { p: own.slug, t: `term ${i}` }));
    expect(codes.slice(0, 20)).toEqual(Array.from({ length: 20 }, () => undefined));
    expect(codes[20]).toBe('RATE_LIMITED');
  });

  it('deletes a term with its candidates; the private glossary of a private project stays hidden', async () => {
    expect(await translator.client.errorCode(DELETE, { p: seed.slug, id: workspace.id })).toBe(
      'FORBIDDEN',
    );
    await owner.ok(DELETE, { p: seed.slug, id: workspace.id });
    const [gone] = await db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM source_string WHERE id = $1',
      [workspace.stringId],
    );
    expect(gone?.n).toBe(0);
    await db.query(`UPDATE project SET visibility = 'private' WHERE id = $1`, [seed.projectId]);
    expect(await anonymous.errorCode(TERMS, { p: seed.slug })).toBe('PROJECT_NOT_FOUND');
    expect(await translator.client.errorCode(HITS, { p: seed.slug, l: 'pl', x: 'a' })).toBe(
      'PROJECT_NOT_FOUND',
    );
    const own = await owner.ok<{ glossaryTerms: Term[] }>(TERMS, { p: seed.slug });
    expect(own.glossaryTerms.map((t) => t.term)).toEqual(['Chorus']);
  });
});
