/**
 * Issue 8's acceptance flow against the real stack (API + worker + Postgres + Redis):
 * a developer imports a catalogue; a volunteer signs up and translates three strings (one Polish
 * plural) with the keyboard only, and a check error blocks a broken placeholder; three other users
 * vote blind; the round closes and "why this won" appears live in an open vote view; the
 * developer creates a token in the admin UI and `chorus pull` gets the winner; the dashboard
 * shows the new progress. Every page: no console errors, every input labelled.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiUser } from './support/api-client';
import {
  E2E_WAIT_MS,
  type WatchedPage,
  focused,
  launchChromium,
  screenshot,
  tabTo,
  unlabelledInputs,
  watchedPage,
} from './support/browser';
import { closeRoundsNow, until } from './support/rounds';
import { stackEnv } from './support/stack-env';

const root = resolve(__dirname, '../../..');
const SLUG = 'acceptance';
const PASSWORD = 'e2e password 123';
const SOURCE = {
  greeting: 'Hello, {{name}}!',
  files_one: '{{count}} file',
  files_other: '{{count}} files',
  save: 'Save changes',
};
const WINNER = 'Cześć, {{name}}!';
const PLURAL = {
  one: '{{count}} plik',
  few: '{{count}} pliki',
  many: '{{count}} plików',
  other: '{{count}} pliku',
};
/**
 * Rounds known to decide with three fresh accounts (apps/api/test FAST_VOTING), with a deadline an
 * hour away: the test ends them with closeRoundsNow once every vote is in, never by the clock.
 */
const FAST_VOTING = {
  z: 1,
  quorum: 3,
  minVotes: 3,
  minScore: 0.3,
  minMargin: 0.1,
  earlyScore: 0.99,
  earlyMargin: 0.99,
  minDuration: 0,
  duration: 3_600_000,
  extension: 2_500,
  maxExtensions: 0,
  reopenCooldown: 1_000,
  minAccountAge: 0,
};

let browser: Browser;
const opened: WatchedPage[] = [];
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function open(
  baseUrl: string,
  sessionCookie?: string,
  viewport = { width: 1280, height: 900 },
): Promise<WatchedPage> {
  const watched = await watchedPage(browser, baseUrl, viewport, { sessionCookie });
  opened.push(watched);
  return watched;
}

async function expectLabelled(page: Page): Promise<void> {
  expect({ url: page.url(), unlabelled: await unlabelledInputs(page) }).toEqual({
    url: page.url(),
    unlabelled: [],
  });
}

/** The stacked bar's numbers for one locale, from the SVG's data attributes. */
async function progress(page: Page, locale: string): Promise<Record<string, number>> {
  const bar = page.getByTestId(`progress-${locale}`);
  await bar.waitFor();
  return bar.evaluate((el) =>
    Object.fromEntries(
      [...el.querySelectorAll('[data-segment]')].map((rect) => [
        rect.getAttribute('data-segment') ?? '',
        Number(rect.getAttribute('data-value')),
      ]),
    ),
  );
}

/** The key of the string the workspace shows ("translation:greeting" → "greeting"). */
async function shownKey(page: Page, previous: string | null): Promise<string> {
  const handle = await page.waitForFunction(
    (prev) => {
      const code = document.querySelector('.source-panel .meta code');
      const key = code?.textContent?.split(':').slice(1).join(':') ?? '';
      const editorFocused = document.activeElement?.tagName === 'TEXTAREA';
      return key !== '' && key !== prev && editorFocused ? key : null;
    },
    previous,
    { timeout: E2E_WAIT_MS },
  );
  return (await handle.jsonValue()) as string;
}

function chorusPull(baseUrl: string, token: string, out: string): Promise<string> {
  return new Promise((resolvePull, reject) => {
    execFile(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        'apps/cli/src/main.ts',
        'pull',
        '--project',
        SLUG,
        '--out',
        out,
        '--lock',
        join(out, 'chorus.lock.json'),
      ],
      {
        cwd: root,
        env: {
          ...process.env,
          SWC_NODE_PROJECT: 'tsconfig.base.json',
          CHORUS_URL: baseUrl,
          CHORUS_TOKEN: token,
        },
      },
      (error, stdout, stderr) =>
        error === null ? resolvePull(stdout) : reject(new Error(`${error.message}\n${stderr}`)),
    );
  });
}

describe('acceptance: translate, vote blind, decide live, pull, progress', () => {
  it('runs the whole flow on the real stack', async () => {
    const { baseUrl, databaseUrl } = stackEnv();

    // --- A developer sets up the project: API for creation, the web UI for sign-in and upload.
    const developer = await new ApiUser(baseUrl).signUp('dev@acceptance.test', 'Dana Developer');
    await developer.graphql(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      { input: { name: 'Acceptance app', slug: SLUG, sourceLocale: 'en', visibility: 'public' } },
    );
    await developer.graphql('mutation { addLocale(project: "acceptance", code: "pl") { id } }');
    await developer.graphql(
      'mutation($p: VotingParametersInput) { updateProject(slug: "acceptance", votingParameters: $p) { id } }',
      { p: FAST_VOTING },
    );

    const dev = await open(baseUrl);
    await dev.page.goto('/sign-in');
    await dev.page.getByLabel('Email').waitFor();
    await expectLabelled(dev.page);
    await screenshot(dev.page, 'sign-in');
    await dev.page.getByLabel('Email').fill('dev@acceptance.test');
    await dev.page.getByLabel('Password').fill(PASSWORD);
    await dev.page.getByLabel('Password').press('Enter');
    await dev.page.getByTestId('signed-in').waitFor();

    // The source catalogue goes through the admin page's upload (the REST import).
    await dev.page.goto(`/projects/${SLUG}/admin`);
    await dev.page.getByLabel('Catalogue file').setInputFiles({
      name: 'translation.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(SOURCE)),
    });
    await dev.page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect(dev.page.getByTestId('import-summary').textContent()).resolves.toContain(
      '3 added',
    );
    await dev.page.goto(`/projects/${SLUG}`);
    expect(await progress(dev.page, 'pl')).toEqual({
      decided: 0,
      voting: 0,
      stale: 0,
      untranslated: 3,
    });

    // --- The volunteer: keyboard only from here to the last submit (no clicks).
    const vol = await open(baseUrl);
    const { page } = vol;
    await page.goto('/sign-up');
    await page.locator('h1').waitFor();
    await tabTo(page, '#sign-up-name');
    await page.keyboard.type('Vera Volunteer');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input#sign-up-email');
    await page.keyboard.type('vera@acceptance.test');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByTestId('signed-in').waitFor();

    await page.goto(`/projects/${SLUG}/pl/translate`);
    await expectLabelled(page);
    const done = new Set<string>();
    let key: string | null = null;
    while (done.size < 3) {
      key = await shownKey(page, key);
      if (key === 'greeting') {
        // A broken placeholder: the live check shows the error and Ctrl+Enter does not submit.
        await page.keyboard.type('Cześć, {{imie}}!');
        await page.getByTestId('live-checks').locator('.finding-error').first().waitFor();
        await page.keyboard.press('Control+Enter');
        await page
          .getByTestId('workspace-status')
          .getByText(/^Fix \d+ errors? before submitting\.$/)
          .waitFor();
        expect(await shownKey(page, null)).toBe('greeting');
        // Fixed by keyboard: select all, retype, insert {{name}} with Alt+1.
        await page.keyboard.press('Control+A');
        await page.keyboard.type('Cześć, ');
        await page.keyboard.press('Alt+1');
        await page.keyboard.type('!');
        await expect(page.locator('.plural-input textarea').first().inputValue()).resolves.toBe(
          WINNER,
        );
        expect(await page.getByTestId('live-checks').locator('.finding-error').count()).toBe(0);
      } else if (key === 'files') {
        // Polish needs one/few/many/other, each labelled with example numbers.
        const labels = await page.locator('.plural-input label').allTextContents();
        expect(labels).toHaveLength(4);
        expect(labels.map((l) => l.split(' — ')[0])).toEqual(['one', 'few', 'many', 'other']);
        expect(labels[1]).toMatch(/2–4/);
        const values = Object.values(PLURAL);
        for (const [index, value] of values.entries()) {
          if (index > 0) await page.keyboard.press('Tab');
          await page.keyboard.press('Alt+1'); // {{count}}
          await page.keyboard.type(value.replace('{{count}}', ''));
        }
        await expect(page.locator('.plural-input textarea').last().inputValue()).resolves.toBe(
          PLURAL.other,
        );
        await expectLabelled(page);
        await screenshot(page, 'translate');
      } else if (key === 'save') {
        await page.keyboard.type('Zapisz zmiany');
      } else {
        throw new Error(`unexpected string ${key}`);
      }
      await page.keyboard.press('Control+Enter');
      done.add(key);
    }
    await page.getByText('Nothing left in this queue. Thank you!').waitFor();
    await page.getByText('3 translations submitted in this session.').waitFor();
    expect(vol.problems).toEqual([]);

    // --- A rival candidate for the greeting, so the vote view compares two.
    const rival = await new ApiUser(baseUrl).signUp('rival@acceptance.test', 'Rex Rival');
    const ids = await rival.graphql<{
      strings: { edges: { node: { id: string; key: string } }[] };
    }>('{ strings(project: "acceptance", locale: "pl") { edges { node { id key } } } }');
    const idOf = (k: string) => ids.strings.edges.find((e) => e.node.key === k)?.node.id ?? '';
    await rival.graphql(
      'mutation($input: SubmitTranslationInput!) { submitTranslation(input: $input) { candidate { id } } }',
      {
        input: {
          stringId: idOf('greeting'),
          locale: 'pl',
          forms: [{ category: '', text: 'Witaj, {{name}}!' }],
        },
      },
    );

    // --- Three voters, blind until they vote. The first one's page stays open for the decision.
    const voterPages: WatchedPage[] = [];
    for (const [n, name] of ['Uma', 'Ola', 'Kai'].entries()) {
      const voter = await new ApiUser(baseUrl).signUp(`voter${n}@acceptance.test`, `${name} Voter`);
      const v = await open(baseUrl, voter.sessionCookie);
      voterPages.push(v);
      await v.page.goto(`/projects/${SLUG}/pl/vote`);
      await v.page.getByRole('button', { name: /greeting/ }).click();
      const cards = v.page.getByTestId('candidate');
      await until(
        () => cards.count(),
        (c) => c === 2,
        'two candidates',
      );
      await v.page.getByText(/^Vote first:/).waitFor();
      expect(await v.page.getByTestId('candidate-author').count()).toBe(0);
      expect(await v.page.getByTestId('candidate-tally').count()).toBe(0);
      expect(await v.page.getByTestId('round-status').count()).toBe(0);
      const before = (await v.page.locator('main').textContent()) ?? '';
      expect(before).not.toContain('Vera Volunteer');
      expect(before).not.toContain('Rex Rival');
      expect(before).not.toMatch(/\d+ up, \d+ down/);
      await expectLabelled(v.page);
      if (n === 0) await v.page.evaluate(() => Object.assign(window, { chorusNoReload: true }));

      await cards
        .filter({ hasText: 'Cześć, ' })
        .getByRole('button', { name: 'Good', exact: true })
        .click();
      await until(
        () => v.page.getByTestId('candidate-author').count(),
        (c) => c === 2,
        'authors after the vote',
      );
      const after = (await v.page.locator('main').textContent()) ?? '';
      expect(after).toContain('By Vera Volunteer');
      expect(after).toContain('By Rex Rival');
      expect(await v.page.getByTestId('candidate-tally').count()).toBe(2);
      await v.page.getByTestId('round-status').waitFor();
      await expect(
        cards.filter({ hasText: 'Cześć, ' }).getByTestId('candidate-tally').textContent(),
      ).resolves.toMatch(new RegExp(`^${n + 1} up, 0 down`));

      // The plural string gets the same three votes over the API.
      const plural = await voter.graphql<{ candidates: { candidates: { id: string }[] } }>(
        'query($s: ID!) { candidates(stringId: $s, locale: "pl") { candidates { id } } }',
        { s: idOf('files') },
      );
      await voter.graphql(
        'mutation($c: ID!) { castVote(candidateId: $c, value: 1) { hasVoted } }',
        {
          c: plural.candidates.candidates[0]?.id,
        },
      );
    }

    // --- The decision arrives in the first voter's open view, through the subscription.
    await closeRoundsNow(databaseUrl, [idOf('greeting'), idOf('files')]);
    const live = voterPages[0]!.page;
    await live.getByRole('heading', { name: 'Why this won' }).waitFor();
    const why = live.getByTestId('why-this-won');
    await expect(why.locator('.winner').textContent()).resolves.toContain(WINNER);
    // Reason codes name what was missing; a normal decision has none, the summary says why, once.
    await expect(why.getByTestId('decision-summary').textContent()).resolves.toMatch(
      /^Chosen by vote: score \d\.\d\d, \d\.\d\d ahead of the next\.$/,
    );
    expect(await why.locator('tbody tr').count()).toBe(2);
    expect(await live.evaluate(() => (window as { chorusNoReload?: boolean }).chorusNoReload)).toBe(
      true,
    );
    await screenshot(live, 'vote');

    // --- The developer creates a token in the admin UI; `chorus pull` gets the winner.
    await dev.page.goto(`/projects/${SLUG}/admin`);
    await dev.page.getByLabel('Token name').fill('ci');
    await dev.page.getByRole('button', { name: 'Create token' }).click();
    const secret = await dev.page.getByTestId('token-secret').inputValue();
    expect(secret).toMatch(/^chorus_/);
    await expectLabelled(dev.page);
    await screenshot(dev.page, 'admin');

    const out = mkdtempSync(join(tmpdir(), 'chorus-pull-'));
    try {
      const pulled = await until(
        async () => {
          await chorusPull(baseUrl, secret, out);
          try {
            return JSON.parse(readFileSync(join(out, 'pl', 'translation.json'), 'utf8')) as Record<
              string,
              unknown
            >;
          } catch {
            return {};
          }
        },
        (bundle) => bundle['greeting'] === WINNER && bundle['files_few'] === PLURAL.few,
        'chorus pull with the winners',
      );
      expect(pulled).toMatchObject({
        greeting: WINNER,
        files_one: PLURAL.one,
        files_few: PLURAL.few,
        files_many: PLURAL.many,
        files_other: PLURAL.other,
      });
      expect(pulled['save']).toBeUndefined();
    } finally {
      rmSync(out, { recursive: true, force: true });
    }

    // --- The dashboard chart shows the new progress: two decided, one in voting.
    await dev.page.goto(`/projects/${SLUG}`);
    expect(await progress(dev.page, 'pl')).toEqual({
      decided: 2,
      voting: 1,
      stale: 0,
      untranslated: 0,
    });
    await dev.page.getByRole('img', { name: /pl: 2 decided, 1 in voting/ }).waitFor();
    await dev.page.getByText('Vera Volunteer').first().waitFor();
    await expectLabelled(dev.page);
    await screenshot(dev.page, 'dashboard');

    for (const watched of opened) expect(watched.problems).toEqual([]);
  });
});
