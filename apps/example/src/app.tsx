import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LANGUAGES } from './i18n';

type Screen = 'home' | 'cart' | 'account';

function Home() {
  const { t } = useTranslation();
  return (
    <section>
      <h1>{t('home.welcome', { name: 'Ada' })}</h1>
      <p data-testid="tagline">{t('app.tagline')}</p>
      <p>
        <Trans i18nKey="home.intro">
          Read <a href="#guide">our guide</a> before your first order.
        </Trans>
      </p>
      <p data-testid="deals">{t('home.deals', { count: 3 })}</p>
    </section>
  );
}

function Cart() {
  const { t } = useTranslation();
  const [count, setCount] = useState(2);
  return (
    <section>
      <h1>{t('cart.title')}</h1>
      <p data-testid="cart-items">{t('cart.items', { count })}</p>
      <button type="button" onClick={() => setCount((n) => n + 1)}>
        {t('cart.add')}
      </button>
      <button type="button" onClick={() => setCount((n) => Math.max(0, n - 1))}>
        {t('cart.remove')}
      </button>
      <button type="button">{t('cart.checkout')}</button>
    </section>
  );
}

function Account() {
  const { t, i18n } = useTranslation();
  const since = new Intl.DateTimeFormat(i18n.resolvedLanguage).format(new Date(2024, 0, 15));
  const email = 'help@shop.example';
  return (
    <section>
      <h1>{t('account.title')}</h1>
      <p>{t('account.orders', { count: 12, date: since })}</p>
      <p>{t('account.greeting', { context: 'female' })}</p>
      <p>
        <Trans i18nKey="account.help" values={{ email }}>
          Questions? <a href={`mailto:${email}`}>Write to us</a> or read the FAQ.
        </Trans>
      </p>
    </section>
  );
}

/** A small shop with plurals, interpolation, context, nesting and Trans, translated by Chorus. */
export function App() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>('home');
  return (
    <div>
      <header>
        <strong>{t('app.name')}</strong>
        <nav>
          {(['home', 'cart', 'account'] as const).map((s) => (
            <button key={s} type="button" aria-pressed={screen === s} onClick={() => setScreen(s)}>
              {t(`nav.${s}`)}
            </button>
          ))}
        </nav>
        <label>
          {t('nav.language')}{' '}
          <select
            value={i18n.resolvedLanguage}
            onChange={(e) => void i18n.changeLanguage(e.target.value)}
          >
            {LANGUAGES.map((lng) => (
              <option key={lng} value={lng}>
                {lng}
              </option>
            ))}
          </select>
        </label>
      </header>
      <main>
        {screen === 'home' && <Home />}
        {screen === 'cart' && <Cart />}
        {screen === 'account' && <Account />}
      </main>
    </div>
  );
}
