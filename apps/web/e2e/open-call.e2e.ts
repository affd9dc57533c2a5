import type { Browser } from 'playwright-core';
import { ApiUser } from './support/api-client';
import { launchChromium, screenshot, unlabelledInputs, watchedPage } from './support/browser';
import { stackEnv } from './support/stack-env';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

const SLUG = 'open-call';

/** An owner with an open project translated into pl, over the real API. */
async function openProject(baseUrl: string): Promise<ApiUser> {
  const owner = await new ApiUser(baseUrl).signUp('owner@open-call.test', 'Olga Owner');
  await owner.graphql('mutation($i: CreateProjectInput!) { createProject(input: $i) { slug } }', {
    i: { slug: SLUG, name: 'Open Call App', sourceLocale: 'en', visibility: 'public' },
  });
  await owner.graphql('mutation { addLocale(project: "open-call", code: "pl") { code } }');
  const pushed = await fetch(`${baseUrl}/api/projects/${SLUG}/catalogues/common?locale=en`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: owner.sessionCookie,
      origin: baseUrl,
    },
    body: JSON.stringify({ welcome: 'Welcome', save: 'Save' }),
  });
  expect(pushed.status).toBe(200);
  await owner.graphql(
    'mutation { setProjectOpen(project: "open-call", open: true, helpWantedLocales: ["pl"]) { open } }',
  );
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  await owner.graphql(
    'mutation($d: String!) { setLocaleGoal(project: "open-call", locale: "pl", targetPercent: 100, dueDate: $d) { locale } }',
    { d: due },
  );
  return owner;
}

describe('the open call', () => {
  it('a stranger signs up, finds an open project that needs them, joins in one click and submits', async () => {
    const { baseUrl } = stackEnv();
    await openProject(baseUrl);
    const { page, problems } = await watchedPage(browser, baseUrl);

    // Visitors meet the landing page first.
    await page.goto('/');
    await page.getByRole('heading', { name: 'Translate the apps you use' }).waitFor();
    await screenshot(page, 'landing');
    await page.getByRole('link', { name: 'Sign up to help' }).click();

    await page.getByLabel('Display name').fill('Stella Stranger');
    await page.getByLabel('Email').fill('stella@open-call.test');
    await page.getByLabel('Password').fill('e2e password 123');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Projects that need you' }).waitFor();
    await page.getByLabel('Your languages').fill('pl');
    await page.getByRole('button', { name: 'Save languages' }).click();
    await page.getByText('Languages saved.').waitFor();
    const card = page.getByTestId(`need-${SLUG}`);
    await card.getByText(/2 untranslated/).waitFor();
    await card.getByText(/100% by/).waitFor();
    expect(await unlabelledInputs(page)).toEqual([]);
    await screenshot(page, 'projects-that-need-you');

    await card.getByRole('button', { name: 'Join as a translator for pl' }).click();
    await page.waitForURL(`**/projects/${SLUG}/pl/translate`);
    const editor = page.getByLabel('Translation', { exact: true });
    await editor.waitFor();
    await editor.fill('Tłumaczenie');
    await page.keyboard.press('Control+Enter');
    await page.getByText('1 translation submitted in this session.').waitFor();

    await page.goto('/me');
    await page
      .getByTestId('my-counts')
      .getByText(/Candidates written: 1/)
      .waitFor();
    await page.getByRole('link', { name: 'Open Call App' }).waitFor();
    await screenshot(page, 'my-work');
    expect(problems).toEqual([]);
  });

  it('a non-member opening the admin page sees no editable forms', async () => {
    const { baseUrl } = stackEnv();
    const { page, problems } = await watchedPage(browser, baseUrl);
    await page.goto('/sign-up');
    await page.getByLabel('Display name').fill('Nosy');
    await page.getByLabel('Email').fill('nosy@open-call.test');
    await page.getByLabel('Password').fill('e2e password 123');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in').waitFor();

    await page.goto(`/projects/${SLUG}/admin`);
    await page.getByTestId('admin-nothing').waitFor();
    expect(await page.locator('main input, main textarea, main select').count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);
    // The only thing to press is joining the open project.
    await page.getByRole('button', { name: 'Help wanted: join for pl' }).waitFor();
    expect(problems).toEqual([]);
  });
});
