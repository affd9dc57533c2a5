/**
 * Issue 18 items 3 and 5 in the browser: a volunteer asks the developers what a source string
 * means; the owner answers and marks the answer official; the volunteer sees it next to the source
 * in the workspace, for another locale too, and hears of it through the bell; then a translation
 * of theirs wins a round and the bell says so, live.
 */
import type { Browser } from 'playwright-core';
import { ApiUser } from './support/api-client';
import { launchChromium, screenshot, unlabelledInputs, watchedPage } from './support/browser';
import { closeRoundsNow } from './support/rounds';
import { stackEnv } from './support/stack-env';

const SLUG = 'discussed';
const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';
const QUESTION = 'What does "Draft" mean here: a noun or a verb? <b>not bold</b>';
const ANSWER = 'A noun: an unsent message, as in e-mail.';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('discussion and notifications in the browser', () => {
  it('a question gets an official answer shown in every locale, and a win rings the bell', async () => {
    const { baseUrl, databaseUrl } = stackEnv();
    const owner = await new ApiUser(baseUrl).signUp('owner@discussion.test', 'Olga Owner');
    await owner.graphql(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Discussed app', slug: SLUG, sourceLocale: 'en', visibility: 'public' } },
    );
    for (const code of ['pl', 'de', 'fr'])
      await owner.graphql(`mutation { addLocale(project: "${SLUG}", code: "${code}") { id } }`);
    const imported = await fetch(`${baseUrl}/api/projects/${SLUG}/catalogues/translation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-chorus-csrf': '1',
        cookie: owner.sessionCookie,
      },
      body: JSON.stringify({ draft: 'Draft', welcome: 'Welcome' }),
    });
    expect(imported.status).toBe(200);
    const { strings } = await owner.graphql<{
      strings: { edges: { node: { id: string; key: string } }[] };
    }>(`{ strings(project: "${SLUG}", locale: "pl") { edges { node { id key } } } }`);
    const idOf = (key: string) => strings.edges.find((e) => e.node.key === key)?.node.id ?? '';

    // A volunteer (no membership: the project is open to everyone) asks on the source string.
    const volunteer = await new ApiUser(baseUrl).signUp('vera@discussion.test', 'Vera Volunteer');
    const vol = await watchedPage(browser, baseUrl, undefined, {
      sessionCookie: volunteer.sessionCookie,
    });
    await vol.page.goto(`/projects/${SLUG}/pl/translate`);
    await vol.page.getByTestId('source-text').getByText('Draft').waitFor();
    await vol.page.getByLabel('Ask the developers about the source text').check();
    await vol.page.getByLabel('Start a discussion').fill(QUESTION);
    expect(await unlabelledInputs(vol.page)).toEqual([]);
    await vol.page.getByRole('button', { name: 'Send' }).last().click();
    const asked = vol.page
      .getByTestId('thread')
      .filter({ hasText: 'Question about the source text' });
    await asked.getByTestId('comment-body').getByText(QUESTION).waitFor();
    // Markup stays text.
    expect(await vol.page.locator('.discussion-panel b').count()).toBe(0);

    // The owner answers in the German workspace (the volunteer holds the Polish lease on the
    // string) and marks the answer official.
    const own = await watchedPage(browser, baseUrl, undefined, {
      sessionCookie: owner.sessionCookie,
    });
    await own.page.goto(`/projects/${SLUG}/de/translate`);
    const thread = own.page.getByTestId('thread').filter({ hasText: QUESTION });
    await thread.getByLabel('Reply').fill(ANSWER);
    await thread.getByRole('button', { name: 'Send' }).click();
    await thread.getByTestId('comment-body').getByText(ANSWER).waitFor();
    await thread.getByRole('button', { name: 'Mark as the official answer' }).click();
    await own.page.getByTestId('official-answer').getByText(ANSWER).waitFor();
    await screenshot(own.page, 'discussion-official-answer');

    // The volunteer sees it next to the source, in French as well, and the bell tells them.
    await vol.page.goto(`/projects/${SLUG}/fr/translate`);
    await vol.page.getByTestId('source-text').getByText('Draft').waitFor();
    const official = vol.page.getByTestId('official-answer');
    await official.getByText(`Official answer by Olga Owner: ${ANSWER}`).waitFor();
    await vol.page.getByTestId('unread-count').getByText('2').waitFor();
    await vol.page.getByTestId('notification-bell').click();
    await vol.page
      .getByTestId('notification')
      .filter({ hasText: 'Olga Owner answered your question about draft.' })
      .waitFor();
    await vol.page
      .getByTestId('notification')
      .filter({ hasText: 'Olga Owner replied in the discussion of draft.' })
      .waitFor();
    await vol.page.getByRole('button', { name: 'Mark all as read' }).click();
    await vol.page.getByTestId('unread-count').waitFor({ state: 'detached' });

    // A translation of the volunteer's wins a round: the bell rings without a reload.
    const submitted = await volunteer.graphql<{
      submitTranslation: { candidate: { id: string } };
    }>(SUBMIT, {
      i: { stringId: idOf('welcome'), locale: 'pl', forms: [{ category: '', text: 'Witaj' }] },
    });
    for (const name of ['ben', 'cat']) {
      const voter = await new ApiUser(baseUrl).signUp(`${name}@discussion.test`, `${name} Voter`);
      await voter.graphql(
        'mutation($c: ID!) { castVote(candidateId: $c, value: 1) { hasVoted } }',
        {
          c: submitted.submitTranslation.candidate.id,
        },
      );
    }
    await closeRoundsNow(databaseUrl, [idOf('welcome')]);
    await vol.page.getByTestId('unread-count').getByText('1').waitFor();
    await vol.page
      .getByTestId('notification')
      .filter({ hasText: 'Your translation of welcome (pl) won.' })
      .waitFor();
    await screenshot(vol.page, 'notification-bell');
    expect(vol.problems).toEqual([]);
    expect(own.problems).toEqual([]);
  });
});
