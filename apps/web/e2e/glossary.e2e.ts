/**
 * Issue 19 item 1 in the browser: the workspace shows the glossary terms of the source with their
 * approved translation, and the live check warns while the volunteer types a translation that
 * does not use it (and stops when it does, inflected); the glossary page lists the term.
 */
import type { Browser } from 'playwright-core';
import { ApiUser } from './support/api-client';
import { launchChromium, screenshot, unlabelledInputs, watchedPage } from './support/browser';
import { stackEnv } from './support/stack-env';

const SLUG = 'glossed';
const WARNING = 'A glossary term is not rendered with its approved translation (see Glossary).';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('the glossary in the workspace', () => {
  it('highlights term hits with their approved translation and warns live when it is not used', async () => {
    const { baseUrl } = stackEnv();
    const owner = await new ApiUser(baseUrl).signUp('owner@glossary.test', 'Gosia Owner');
    await owner.graphql(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Glossed app', slug: SLUG, sourceLocale: 'en', visibility: 'public' } },
    );
    await owner.graphql(`mutation { addLocale(project: "${SLUG}", code: "pl") { id } }`);
    const imported = await fetch(`${baseUrl}/api/projects/${SLUG}/catalogues/translation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-chorus-csrf': '1',
        cookie: owner.sessionCookie,
      },
      body: JSON.stringify({ open: 'Open the shared workspace in Chorus' }),
    });
    expect(imported.status).toBe(200);
    const { createGlossaryTerm: term } = await owner.graphql<{
      createGlossaryTerm: { stringId: string };
    }>(
      `mutation { createGlossaryTerm(project: "${SLUG}", term: "workspace", partOfSpeech: "noun",
        description: "Where a team keeps its projects") { stringId } }`,
    );
    await owner.graphql(
      `mutation { createGlossaryTerm(project: "${SLUG}", term: "Chorus", caseSensitive: true, doNotTranslate: true) { id } }`,
    );
    const proposed = await owner.graphql<{ submitTranslation: { candidate: { id: string } } }>(
      'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }',
      {
        i: {
          stringId: term.stringId,
          locale: 'pl',
          forms: [{ category: '', text: 'przestrzeń robocza' }],
        },
      },
    );
    await owner.graphql(
      'mutation($c: ID!) { approveCandidate(id: $c, reason: "glossary") { state } }',
      {
        c: proposed.submitTranslation.candidate.id,
      },
    );

    const volunteer = await new ApiUser(baseUrl).signUp('vol@glossary.test', 'Wiktor Volunteer');
    const { page, problems } = await watchedPage(browser, baseUrl, undefined, {
      sessionCookie: volunteer.sessionCookie,
    });
    await page.goto(`/projects/${SLUG}/pl/translate`);
    await page
      .getByTestId('source-text')
      .getByText('Open the shared workspace in Chorus')
      .waitFor();
    const mark = page.getByTestId('source-text').locator('mark', { hasText: 'workspace' });
    expect(await mark.getAttribute('title')).toBe('przestrzeń robocza');
    const hits = page.getByTestId('glossary-hits');
    await hits.getByText('przestrzeń robocza').waitFor();
    await hits.getByText('keep "Chorus" as is').waitFor();

    const input = page.getByLabel('Translation', { exact: true });
    await input.fill('Otwórz wspólny obszar w Chorus');
    const checks = page.getByTestId('live-checks');
    await checks
      .getByText(WARNING)
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(page, 'glossary-workspace-failed');
        throw new Error(
          `${String(error)}\nchecks: ${await checks.textContent()}\nproblems: ${problems.join(' | ')}`,
        );
      });
    await screenshot(page, 'glossary-workspace');
    await input.fill('Otwórz wspólną przestrzeń roboczą w Chorus');
    await checks.getByText(WARNING).waitFor({ state: 'detached' });
    await input.fill('Otwórz wspólną przestrzeń roboczą w Chórze');
    await checks
      .getByText(
        'A glossary term marked "do not translate" was changed or left out; keep it exactly as written.',
      )
      .waitFor();
    expect(await unlabelledInputs(page)).toEqual([]);

    await page.goto(`/projects/${SLUG}/pl/glossary`);
    const list = page.getByTestId('glossary-terms');
    await list.getByText('przestrzeń robocza').waitFor();
    await list.getByText('Where a team keeps its projects').waitFor();
    expect(await unlabelledInputs(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
