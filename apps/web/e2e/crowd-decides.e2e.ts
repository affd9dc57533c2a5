/**
 * Issue 17's acceptance in the browser, on a fresh install with every voting parameter at its
 * default (the project is created through the API, nothing tuned by hand): three fresh accounts
 * decide a string by vote within one round (ended by moving its deadline, never by waiting), and a
 * round without enough votes lands in the language manager's queue page, live; the manager
 * approves there and the decision ships in the bundle.
 */
import type { Browser } from 'playwright-core';
import { ApiUser } from './support/api-client';
import {
  type WatchedPage,
  launchChromium,
  screenshot,
  unlabelledInputs,
  watchedPage,
} from './support/browser';
import { closeRoundsNow, until } from './support/rounds';
import { stackEnv } from './support/stack-env';

const SLUG = 'crowd';
const SOURCE = { welcome: 'Welcome back!', signOut: 'Sign out' };
const SUBMIT =
  'mutation($i: SubmitTranslationInput!) { submitTranslation(input: $i) { candidate { id } } }';

let browser: Browser;
const opened: WatchedPage[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function open(baseUrl: string, user: ApiUser): Promise<WatchedPage> {
  const watched = await watchedPage(browser, baseUrl, undefined, {
    sessionCookie: user.sessionCookie,
  });
  opened.push(watched);
  return watched;
}

/** The source catalogue through the REST import, as `chorus push` sends it. */
async function importSource(baseUrl: string, owner: ApiUser): Promise<void> {
  const response = await fetch(`${baseUrl}/api/projects/${SLUG}/catalogues/translation`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-chorus-csrf': '1',
      cookie: owner.sessionCookie,
    },
    body: JSON.stringify(SOURCE),
  });
  if (response.status === 202) {
    const { jobId } = (await response.json()) as { jobId: string };
    await until(
      async () => {
        const job = await fetch(`${baseUrl}/api/jobs/${jobId}`, {
          headers: { cookie: owner.sessionCookie },
        });
        return ((await job.json()) as { state?: string }).state;
      },
      (state) => state === 'completed',
      'the import job',
    );
  } else if (!response.ok) {
    throw new Error(`import: ${response.status} ${await response.text()}`);
  }
}

async function bundle(baseUrl: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/bundles/${SLUG}/pl/translation.json`);
  return response.ok ? ((await response.json()) as Record<string, unknown>) : {};
}

describe('a crowd of three decides on day one; the rest waits for the manager', () => {
  it('decides by vote with defaults, and ships the manager decision from the queue page', async () => {
    const { baseUrl, databaseUrl } = stackEnv();
    const owner = await new ApiUser(baseUrl).signUp('owner@crowd.test', 'Olga Owner');
    await owner.graphql(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Crowd app', slug: SLUG, sourceLocale: 'en', visibility: 'public' } },
    );
    await owner.graphql('mutation { addLocale(project: "crowd", code: "pl") { id } }');
    await importSource(baseUrl, owner);
    const { strings } = await owner.graphql<{
      strings: { edges: { node: { id: string; key: string } }[] };
    }>('{ strings(project: "crowd", locale: "pl") { edges { node { id key } } } }');
    const idOf = (key: string) => strings.edges.find((e) => e.node.key === key)?.node.id ?? '';

    // Three fresh accounts: one translates, two vote.
    const ann = await new ApiUser(baseUrl).signUp('ann@crowd.test', 'Ann Author');
    const ben = await new ApiUser(baseUrl).signUp('ben@crowd.test', 'Ben Voter');
    const cat = await new ApiUser(baseUrl).signUp('cat@crowd.test', 'Cat Voter');
    const submit = async (key: string, text: string) =>
      (
        await ann.graphql<{ submitTranslation: { candidate: { id: string } } }>(SUBMIT, {
          i: { stringId: idOf(key), locale: 'pl', forms: [{ category: '', text }] },
        })
      ).submitTranslation.candidate.id;
    const welcome = await submit('welcome', 'Witaj ponownie!');
    await submit('signOut', 'Wyloguj się');

    // --- Ben votes in the browser: the page says what the round still needs, in words.
    const benPage = await open(baseUrl, ben);
    const { page } = benPage;
    await page.goto(`/projects/${SLUG}/pl/vote?string=${idOf('welcome')}`);
    const card = page.getByTestId('candidate').first();
    const good = card.getByRole('button', { name: /Good/ });
    await good.click();
    // "1 more vote", or already "the scores decide" where the author's own proposal counts as an
    // upvote (a team this small): either way in words, from the API's votesNeeded.
    await page
      .getByTestId('round-needs')
      .getByText(/^(Still needs 1 more vote\.|Enough people have voted: the scores decide)/)
      .waitFor();
    await expect(page.getByTestId('round-status').textContent()).resolves.toMatch(
      /Round 1: collecting votes · rounds last 7 days · ends in 7 days/,
    );
    // Pressed, visibly; a second click asks before taking the vote back, and he keeps it.
    expect(await good.getAttribute('aria-pressed')).toBe('true');
    await good.click();
    await page.getByText('Take back your “Good” vote on Translation 1?').waitFor();
    await page.getByRole('button', { name: 'Keep my vote' }).click();
    expect(await good.getAttribute('aria-pressed')).toBe('true');

    // Cat votes; Ben's open page learns that the counts are in, without a reload.
    await cat.graphql('mutation($c: ID!) { castVote(candidateId: $c, value: 1) { hasVoted } }', {
      c: welcome,
    });
    await page.getByText(/Enough people have voted: the scores decide/).waitFor();

    // The round ends (its deadline moved, as the timer would); the decision arrives live.
    await closeRoundsNow(databaseUrl, [idOf('welcome')]);
    await page.getByRole('heading', { name: 'Why this won' }).waitFor();
    await expect(page.getByTestId('decision-summary').textContent()).resolves.toMatch(
      /^Chosen by vote: score 0\.\d\d\.$/,
    );
    await screenshot(page, 'vote-decided-by-three');

    // --- The owner (manager of every locale) has the queue open; the other round lands there.
    const ownerPage = await open(baseUrl, owner);
    const manager = ownerPage.page;
    await manager.goto(`/projects/${SLUG}`);
    await manager.getByRole('link', { name: '0 strings need a decision' }).click();
    await manager.getByRole('heading', { name: 'Needs a decision in pl' }).waitFor();
    await manager.getByTestId('decisions-empty').waitFor();
    // Nobody reviewed Ann's other proposal: at its deadline the round has not enough voters.
    await closeRoundsNow(databaseUrl, [idOf('signOut')]);
    const item = manager.getByTestId('decision-item');
    await item.getByText('signOut').waitFor();
    await item.getByText('Not enough people voted.').waitFor();
    await item.getByRole('button', { name: 'Approve translation 1' }).waitFor();
    expect(await unlabelledInputs(manager)).toEqual([]);
    await screenshot(manager, 'needs-decision');
    await manager.getByLabel('Reason for your decision').fill('Matches the system wording');
    await item.getByRole('button', { name: 'Approve translation 1' }).click();
    await manager
      .getByRole('status')
      .getByText('Approved “signOut”: it ships with the next bundle.')
      .waitFor();
    await manager.getByTestId('decisions-empty').waitFor();

    // Both decisions ship: the vote's and the manager's.
    const shipped = await until(
      () => bundle(baseUrl),
      (b) => b['welcome'] === 'Witaj ponownie!' && b['signOut'] === 'Wyloguj się',
      'the bundle with both decisions',
    );
    expect(shipped).toEqual({ signOut: 'Wyloguj się', welcome: 'Witaj ponownie!' });

    // The vote page names who decided the second string, and why.
    await page.goto(`/projects/${SLUG}/pl/vote?string=${idOf('signOut')}`);
    await expect(page.getByTestId('decision-summary').textContent()).resolves.toBe(
      'Olga Owner, language manager, approved this translation: “Matches the system wording”',
    );
    for (const watched of opened) expect(watched.problems).toEqual([]);
  });
});
