import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiUser } from './support/api-client';
import { launchChromium, screenshot, watchedPage } from './support/browser';
import { buildExample, serveExample, type ExampleServer } from './support/example-app';
import { stackEnv } from './support/stack-env';

const SLUG = 'example';
const SOURCE = readFileSync(
  resolve(__dirname, '../../example/src/locales/en/translation.json'),
  'utf8',
);
/** The invisible characters the in-context package marks strings with. */
const MARKER = /[\u2060-\u2064]/;

let browser: Browser;
let example: ExampleServer;
let translator: ApiUser;
let developer: ApiUser;

async function pageHtml(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.outerHTML + document.title);
}

beforeAll(async () => {
  const { baseUrl } = stackEnv();
  const [dist] = await Promise.all([buildExample(), launchChromium().then((b) => (browser = b))]);
  example = await serveExample(dist, baseUrl);

  // The developer: a public project with the example's source catalogue and a Polish locale.
  developer = await new ApiUser(baseUrl).signUp('dev@in-context.test', 'Dev');
  await developer.graphql(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    { input: { name: 'Example shop', slug: SLUG, sourceLocale: 'en', visibility: 'public' } },
  );
  await developer.graphql(`mutation { addLocale(project: "${SLUG}", code: "pl") { id } }`);
  const upload = await fetch(`${baseUrl}/api/projects/${SLUG}/catalogues/translation`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-chorus-csrf': '1',
      cookie: developer.sessionCookie,
    },
    body: SOURCE,
  });
  expect(upload.status).toBe(200);
  translator = await new ApiUser(baseUrl).signUp('tina@in-context.test', 'Tina');
});

afterAll(async () => {
  await browser?.close();
  await example?.close();
});

describe('in-context translation in the example app', () => {
  it('off: plain text, no markers, no Chorus requests beyond the bundles', async () => {
    const { page, problems } = await watchedPage(browser, example.url, undefined, {
      sessionCookie: translator.sessionCookie,
    });
    const graphql: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/graphql')) graphql.push(r.url());
    });
    await page.goto('/?lng=pl');
    await page.getByTestId('deals').getByText('3 deals today').waitFor();
    expect(MARKER.test(await pageHtml(page))).toBe(false);
    expect(await page.locator('[data-chorus-in-context]').count()).toBe(0);
    expect(graphql).toEqual([]);
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    await page.context().close();
  });

  it('on: Alt+click a plural, submit Polish forms, see the preview in place and the vote queue', async () => {
    const { page, problems } = await watchedPage(browser, example.url, undefined, {
      sessionCookie: translator.sessionCookie,
    });
    await page.goto('/?lng=pl&chorus-in-context=1');
    // Signed in: the mode badge appears and the page is re-rendered with marked strings.
    await page.locator('[data-chorus-in-context] .badge').waitFor();
    await page.getByRole('button', { name: 'Cart' }).click();
    const items = page.getByTestId('cart-items');
    await items.getByText('You have 2 items in your cart').waitFor();
    expect(MARKER.test(await pageHtml(page))).toBe(false); // stripped once mapped

    await items.click({ modifiers: ['Alt'] });
    const panel = page.locator('[data-chorus-panel]');
    await panel.locator('[data-chorus-key]').getByText('translation:cart.items').waitFor();
    // The form, or the panel's error line (named in the failure rather than a timeout).
    await panel
      .locator('form[data-chorus-submit], .status[data-state="error"], .status[data-state="info"]')
      .first()
      .waitFor();
    expect(await panel.locator('.status[data-state]').allTextContents()).toEqual([]);
    const forms = panel.locator('form[data-chorus-submit] textarea');
    const categories = await forms.evaluateAll((areas) =>
      areas.map((a) => (a as HTMLTextAreaElement).dataset['category']),
    );
    expect(categories).toEqual(['one', 'few', 'many', 'other']);
    const polish: Record<string, string> = {
      one: 'Masz {{count}} produkt w koszyku',
      few: 'Masz {{count}} produkty w koszyku',
      many: 'Masz {{count}} produktów w koszyku',
      other: 'Masz {{count}} produktu w koszyku',
    };
    for (const category of categories) {
      await panel
        .locator(`textarea[data-category="${category}"]`)
        .fill(polish[category ?? ''] ?? '');
    }
    await panel.getByRole('button', { name: 'Submit' }).click();

    // The preview: the app shows the new text in place, without a reload.
    await items.getByText('Masz 2 produkty w koszyku').waitFor();
    await panel.getByText('Submitted: shown in the page as a preview').waitFor();
    await panel.locator('[data-chorus-candidates] li').first().waitFor();
    await screenshot(page, 'in-context-panel');
    // Plural forms follow the count: the preview is the whole plural group.
    await page.getByRole('button', { name: 'Add one' }).click();
    await page.getByRole('button', { name: 'Add one' }).click();
    await page.getByRole('button', { name: 'Add one' }).click();
    await items.getByText('Masz 5 produktów w koszyku').waitFor();
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);

    // Chorus: another volunteer finds the string in Polish's vote queue with Tina's candidate.
    const voter = await new ApiUser(stackEnv().baseUrl).signUp('vic@in-context.test', 'Vic');
    const queue = await voter.graphql<{
      strings: { edges: { node: { id: string; key: string } }[] };
    }>(
      `{ strings(project: "${SLUG}", locale: "pl", filter: NEEDS_VOTES) { edges { node { id key } } } }`,
    );
    const node = queue.strings.edges.map((e) => e.node).find((n) => n.key === 'cart.items');
    expect(node).toBeDefined();
    const list = await voter.graphql<{
      candidates: { candidates: { forms: { category: string; text: string }[] }[] };
    }>(
      `query($id: ID!) { candidates(stringId: $id, locale: "pl") { candidates { forms { category text } } } }`,
      { id: node?.id },
    );
    expect(list.candidates.candidates.map((c) => c.forms)).toEqual([
      categories.map((category) => ({ category, text: polish[category ?? ''] })),
    ]);
    await page.context().close();
  });

  it('screenshot: the owner allows it, the volunteer uploads this screen with its keys, the string has it', async () => {
    const { baseUrl } = stackEnv();
    await developer.graphql(
      `mutation { setInContextScreenshots(project: "${SLUG}", enabled: true) { inContextScreenshots } }`,
    );
    const { page, problems } = await watchedPage(browser, example.url, undefined, {
      sessionCookie: translator.sessionCookie,
    });
    await page.goto('/?lng=pl&chorus-in-context=1');
    await page.locator('[data-chorus-in-context] .badge').waitFor();
    const deals = page.getByTestId('deals');
    await deals.waitFor();
    await deals.click({ modifiers: ['Alt'] });
    const panel = page.locator('[data-chorus-panel]');
    await panel.getByRole('button', { name: 'Upload screenshot of this screen' }).click();
    await panel
      .locator('[data-chorus-screenshots] .status[data-state]')
      .filter({ hasText: /key positions|Chorus refused/ })
      .waitFor();
    const said = await panel.locator('[data-chorus-screenshots] .status').textContent();
    expect(said).toMatch(/^Screenshot uploaded with \d+ key positions\.$/);
    expect(problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    await page.context().close();

    // What the workspace loads for the string: the screenshot and the key's region on it.
    const found = await translator.graphql<{
      stringByKey: {
        screenshots: { url: string; width: number; height: number; imageWidth: number }[];
      };
    }>(
      `{ stringByKey(project: "${SLUG}", locale: "pl", namespace: "translation", key: "home.deals") {
        screenshots { url width height imageWidth } } }`,
    );
    const [shot] = found.stringByKey.screenshots;
    expect(shot).toBeDefined();
    expect(shot!.width).toBeGreaterThan(0);
    const image = await fetch(`${baseUrl}${shot!.url}`);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    // The workspace shows it beside the string, the key's region outlined.
    const web = await watchedPage(browser, baseUrl, undefined, {
      sessionCookie: translator.sessionCookie,
    });
    await web.page.goto(`/projects/${SLUG}/pl/translate`);
    await web.page.getByLabel('Key or text').fill('home.deals');
    await web.page.getByRole('button', { name: 'Search' }).click();
    await web.page.getByRole('button', { name: /home\.deals/ }).click();
    const figure = web.page.getByTestId('string-screenshot');
    await figure.waitFor();
    const natural = await figure
      .locator('img')
      .evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth));
    expect(natural).toBe(shot!.imageWidth);
    await figure.getByTestId('screenshot-region').waitFor();
    expect(web.problems.filter((p) => p.startsWith('pageerror'))).toEqual([]);
    await web.page.context().close();
  });
});
