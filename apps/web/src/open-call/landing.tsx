import { useTranslation } from 'react-i18next';
import { Link } from '../router/router';

/** What Chorus is, for visitors: sign up, or browse the projects below. */
export function Landing() {
  const { t } = useTranslation();
  return (
    <section className="card landing" aria-labelledby="landing-heading">
      <h2 id="landing-heading">{t('openCall.landing.title')}</h2>
      <p>{t('openCall.landing.what')}</p>
      <ol>
        <li>{t('openCall.landing.step1')}</li>
        <li>{t('openCall.landing.step2')}</li>
        <li>{t('openCall.landing.step3')}</li>
      </ol>
      <p>
        <Link to={{ name: 'signUp' }} className="button-link">
          {t('openCall.landing.signUp')}
        </Link>{' '}
        {t('openCall.landing.orBrowse')}
      </p>
    </section>
  );
}
