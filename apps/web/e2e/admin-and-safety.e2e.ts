import type { Browser } from 'playwright-core';
import { ApiUser } from './support/api-client';
import { launchChromium, screenshot, unlabelledInputs, watchedPage } from './support/browser';
import { stackEnv } from './support/stack-env';

const HOSTILE = '<img src=x onerror=alert(1)>';
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

describe('web client against the real API', () => {
  it('a developer signs up, creates a project, adds languages, voting parameters and a token', async () => {
    const { baseUrl } = stackEnv();
    const { page, problems } = await watchedPage(browser, baseUrl);
    await page.goto('/sign-up');
    await page.getByLabel('Display name').waitFor();
    expect(await unlabelledInputs(page)).toEqual([]);
    await screenshot(page, 'sign-up');
    await page.getByLabel('Display name').fill('Dev');
    await page.getByLabel('Email').fill('dev@example.test');
    await page.getByLabel('Password').fill('e2e password 123');
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in').waitFor();
    // Sign-up lands on *projects that need you*; creating a project starts from the project list.
    await page.getByRole('heading', { name: 'Projects that need you' }).waitFor();
    await page.goto('/');

    await page.getByLabel('Name', { exact: true }).fill('Demo app');
    await page.getByLabel('URL name').fill('demo');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { name: 'Administer Demo app' }).waitFor();

    for (const code of ['pl', 'de']) {
      await page.getByLabel('Language code').fill(code);
      await page.getByRole('button', { name: 'Add language' }).click();
      await page.getByTestId('locale-list').getByText(code, { exact: true }).waitFor();
    }
    await page.getByLabel('Round length (seconds)').fill('8');
    await page.getByLabel('Earliest early close (seconds)').fill('1');
    await page.getByRole('button', { name: 'Save voting parameters' }).click();
    await page.getByText('Saved. New rounds use these parameters.').waitFor();

    await page.getByLabel('Token name').fill('ci');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = await page.getByTestId('token-secret').inputValue();
    expect(secret).toMatch(/^chorus_/);
    await page.getByRole('button', { name: 'Copy token' }).waitFor();
    expect(await unlabelledInputs(page)).toEqual([]);

    await page.goto('/');
    await page.getByRole('link', { name: 'Demo app' }).waitFor();
    await screenshot(page, 'projects');
    expect(problems).toEqual([]);
  });

  it('renders a hostile project name as inert text: no img element, no dialog', async () => {
    const { baseUrl } = stackEnv();
    const owner = await new ApiUser(baseUrl).signUp('hostile@example.test', HOSTILE);
    await owner.graphql(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        input: { name: HOSTILE, slug: 'hostile', sourceLocale: 'en', visibility: 'public' },
      },
    );
    const { page, problems } = await watchedPage(browser, baseUrl);
    await page.goto('/');
    await page.getByRole('link', { name: HOSTILE }).waitFor();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.getByText(HOSTILE).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('works at 360 px: no horizontal scrolling and every input labelled', async () => {
    const { baseUrl } = stackEnv();
    const { page, problems } = await watchedPage(browser, baseUrl, { width: 360, height: 740 });
    for (const path of ['/', '/sign-in', '/sign-up']) {
      await page.goto(path);
      await page.locator('h1').waitFor();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      expect(await unlabelledInputs(page)).toEqual([]);
    }
    await screenshot(page, 'sign-in-360');
    expect(problems).toEqual([]);
  });
});
