/**
 * Render overhead of @chorus/i18next-in-context while the mode is OFF (what every ordinary user
 * gets): server-renders a page of 600 t() calls (plain, plurals, interpolation, nesting, Trans)
 * with a bare i18next and with the plugin installed on a browser-like page that did not ask
 * for the mode. A/B runs alternate; the medians are compared. The ON cost is printed for reference.
 *
 *   SWC_NODE_PROJECT=libs/i18next-in-context/tsconfig.json node -r @swc-node/register \
 *     libs/i18next-in-context/bench/render-overhead.ts [--rounds 15]
 */
import i18next, { type i18n as I18n } from 'i18next';
import { createElement, Fragment, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { I18nextProvider, Trans, initReactI18next, useTranslation } from 'react-i18next';
import { chorusInContext } from '../src/index';
import { KeyMap } from '../src/key-map';
import { markingPostProcessor } from '../src/post-processor';

const ROWS = 100;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] ?? 15) || 15;

const resources = {
  en: {
    translation: {
      title: 'Your cart',
      items_one: 'You have {{count}} item',
      items_other: 'You have {{count}} items',
      welcome: 'Welcome back, {{name}}!',
      brand: 'Chorus Shop',
      tagline: 'Everything for your $t(brand) kitchen',
      intro: 'Read <1>our guide</1> before ordering.',
    },
  },
};

function Row({ n }: { n: number }): ReactElement {
  const { t } = useTranslation();
  return createElement(
    'li',
    null,
    createElement('h2', null, t('title')),
    createElement('p', null, t('items', { count: n })),
    createElement('p', null, t('welcome', { name: `Ada ${n}` })),
    createElement('p', null, t('tagline')),
    createElement(
      'p',
      null,
      createElement(
        Trans,
        { i18nKey: 'intro' },
        'Read ',
        createElement('a', null, 'our guide'),
        ' before ordering.',
      ),
    ),
    createElement('p', null, t('items', { count: 1 })),
  );
}

function page(i18n: I18n): string {
  const rows = Array.from({ length: ROWS }, (_, n) => createElement(Row, { key: n, n }));
  return renderToString(
    createElement(
      I18nextProvider,
      { i18n },
      createElement('ul', null, createElement(Fragment, null, ...rows)),
    ),
  );
}

/** A browser-like global for the plugin's init (it reads location and sessionStorage once). */
function fakeWindow(search: string): void {
  const store = new Map<string, string>();
  Object.assign(globalThis, {
    window: {
      location: { search },
      sessionStorage: {
        getItem: (k: string) => store.get(k) ?? null,
        setItem: (k: string, v: string) => store.set(k, v),
        removeItem: (k: string) => store.delete(k),
      },
      addEventListener: () => undefined,
    },
  });
}

async function instance(withPlugin: boolean): Promise<I18n> {
  const i18n = i18next.createInstance();
  if (withPlugin) {
    fakeWindow('');
    i18n.use(chorusInContext({ project: 'bench', apiUrl: 'http://chorus.invalid', enabled: true }));
  }
  await i18n
    .use(initReactI18next)
    .init({ lng: 'en', resources, interpolation: { escapeValue: false } });
  return i18n;
}

function timeRenders(i18n: I18n, times: number): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < times; i += 1) page(i18n);
  return Number(process.hrtime.bigint() - start) / 1e6 / times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function main(): Promise<void> {
  const bare = await instance(false);
  const off = await instance(true);
  if (page(bare) !== page(off)) throw new Error('the plugin changed the markup while off');
  for (let i = 0; i < 20; i += 1) {
    page(bare);
    page(off);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    // Alternate which goes first, so drift on a shared machine hits both sides alike.
    if (r % 2 === 0) {
      a.push(timeRenders(bare, 10));
      b.push(timeRenders(off, 10));
    } else {
      b.push(timeRenders(off, 10));
      a.push(timeRenders(bare, 10));
    }
  }
  const bareMs = median(a);
  const offMs = median(b);
  const overhead = ((offMs - bareMs) / bareMs) * 100;

  // Reference: marking ON (the post-processor the plugin registers; no DOM here to scan).
  const on = await instance(false);
  on.use(markingPostProcessor('benchMarking', new KeyMap()));
  on.options.postProcess = ['benchMarking'];
  on.options.postProcessPassResolved = true;
  const onMs = median(Array.from({ length: rounds }, () => timeRenders(on, 10)));
  const calls = ROWS * 6;
  console.log(
    JSON.stringify(
      {
        scenario: 'i18next-in-context render overhead (off)',
        tCallsPerPage: calls,
        rounds,
        bareMsPerPage: Number(bareMs.toFixed(3)),
        offMsPerPage: Number(offMs.toFixed(3)),
        overheadPercent: Number(overhead.toFixed(2)),
        goal: '< 5%',
        markingOnMsPerPage: Number(onMs.toFixed(3)),
        pass: overhead < 5,
      },
      null,
      2,
    ),
  );
}

void main();
