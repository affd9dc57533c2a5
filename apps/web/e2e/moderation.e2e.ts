/**
 * Issue 18 item 4 in the browser: a volunteer reports an offensive translation from the vote page;
 * a manager hides it from the moderation queue on the admin page; it is gone from the vote page
 * and, after the worker's rebuild, from the bundle.
 */
import type { Browser } from 'playwright-core';
import { ApiUser } from './support/api-client';
import {
  E2E_WAIT_MS,
  launchChromium,
  screenshot,
  unlabelledInputs,
  watchedPage,
} from './support/browser';
import { stackEnv } from './support/stack-env';

const SLUG = 'moderated';
const BAD = 'Spadaj, frajerze';
const GOOD = 'Witaj';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + E2E_WAIT_MS;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${E2E_WAIT_MS} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function bundle(baseUrl: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/bundles/${SLUG}/pl/translation.json`);
  return response.ok ? ((await response.json()) as Record<string, unknown>) : {};
}

describe('moderation in the browser', () => {
  it('a volunteer reports a bad translation, a manager hides it, it leaves the vote page and the bundle', async () => {
    const { baseUrl } = stackEnv();
    const owner = await new ApiUser(baseUrl).signUp('owner@moderation.test', 'Olga Owner');
    await owner.graphql(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Moderated app', slug: SLUG, sourceLocale: 'en', visibility: 'public' } },
    );
    await owner.graphql(`mutation { addLocale(project: "${SLUG}", code: "pl") { id } }`);
    const imported = await fetch(`${baseUrl}/api/projects/${SLUG}/catalogues/translation`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-chorus-csrf': '1',
        cookie: owner.sessionCookie,
      },
      body: JSON.stringify({ greeting: 'Hello' }),
    });
    expect(imported.status).toBe(200);
    const { strings } = await owner.graphql<{ strings: { edges: { node: { id: string } }[] } }>(
      `{ strings(project: "${SLUG}", locale: "pl") { edges { node { id } } } }`,
    );
    const stringId = strings.edges[0]?.node.id ?? '';

    // A troll's translation wins (a manager approved it in a hurry), and ships.
    const troll = await new ApiUser(baseUrl).signUp('troll@moderation.test', 'Tom Troll');
    const submitted = await troll.graphql<{ submitTranslation: { candidate: { id: string } } }>(
      'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }',
      { i: { stringId, locale: 'pl', forms: [{ category: '', text: BAD }] } },
    );
    const helper = await new ApiUser(baseUrl).signUp('helper@moderation.test', 'Hela Helper');
    await helper.graphql(
      'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }',
      { i: { stringId, locale: 'pl', forms: [{ category: '', text: GOOD }] } },
    );
    await owner.graphql('mutation($c: ID!) { approveCandidate(id: $c, reason: "ok") { state } }', {
      c: submitted.submitTranslation.candidate.id,
    });
    await until(
      () => bundle(baseUrl),
      (b) => b['greeting'] === BAD,
      'the bundle with the winner',
    );

    // The volunteer reports it from the vote page.
    const volunteer = await new ApiUser(baseUrl).signUp('vera@moderation.test', 'Vera Volunteer');
    const vol = await watchedPage(browser, baseUrl, undefined, {
      sessionCookie: volunteer.sessionCookie,
    });
    const votePath = `/projects/${SLUG}/pl/vote?string=${encodeURIComponent(stringId)}`;
    await vol.page.goto(votePath);
    const badCard = vol.page.getByTestId('candidate').filter({ hasText: BAD });
    await badCard.getByRole('button', { name: /^Report translation/ }).click();
    await badCard.getByLabel('What is wrong?').selectOption('OFFENSIVE');
    await badCard.getByLabel('Note for the managers (optional)').fill('An insult, not a greeting.');
    expect(await unlabelledInputs(vol.page)).toEqual([]);
    await screenshot(vol.page, 'report-dialog');
    await badCard.getByRole('button', { name: 'Send report' }).click();
    await badCard.getByText('Thank you: the managers will look at your report.').waitFor();

    // The owner hides it from the queue on the admin page.
    const manager = await watchedPage(browser, baseUrl, undefined, {
      sessionCookie: owner.sessionCookie,
    });
    await manager.page.goto(`/projects/${SLUG}/admin`);
    await manager.page.getByLabel('Language (owners: leave empty for all)').fill('pl');
    await manager.page.getByRole('button', { name: 'Show reports' }).click();
    const report = manager.page.getByTestId('moderation-report').filter({ hasText: BAD });
    await report.getByText('reported by Vera Volunteer').waitFor();
    await report.getByText('An insult, not a greeting.').waitFor();
    await screenshot(manager.page, 'moderation-queue');
    await report.getByLabel(/^Reason for your action/).fill('Offensive');
    await report.getByRole('button', { name: 'Hide translation' }).click();
    await manager.page.getByText('No open reports.').waitFor();

    // Gone from the vote page, and from the bundle once the worker has rebuilt it.
    await vol.page.goto(votePath);
    await vol.page.getByTestId('candidate').filter({ hasText: GOOD }).waitFor();
    expect(await vol.page.getByTestId('candidate').filter({ hasText: BAD }).count()).toBe(0);
    await until(
      () => bundle(baseUrl),
      (b) => b['greeting'] === undefined,
      'the bundle without it',
    );
    expect(vol.problems).toEqual([]);
    expect(manager.problems).toEqual([]);
  });
});
