import { useTranslation } from 'react-i18next';

/** Icons of the badge rules (apps/api/src/translation/badges.ts); unknown codes get a star. */
const ICONS: Readonly<Record<string, string>> = {
  FIRST_TRANSLATION: '✍️',
  FIRST_WIN: '🏅',
  TEN_WINS: '🏆',
  HUNDRED_AGREEING_VOTES: '🗳️',
  CAREFUL_VOTER: '🎯',
};

/** A badge as an icon and words ("🏅 First win"), with what earned it as a tooltip. */
export function Badge({ code }: { readonly code: string }) {
  const { t } = useTranslation();
  const known = code in ICONS;
  const name = known ? t(`openCall.badges.${code}.name`) : code.toLowerCase().replace(/_/g, ' ');
  const why = known ? t(`openCall.badges.${code}.why`) : name;
  return (
    <span className="badge" title={why}>
      <span aria-hidden="true">{ICONS[code] ?? '⭐'}</span> {name}
    </span>
  );
}
