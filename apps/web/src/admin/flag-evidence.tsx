import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../text/time';

type Evidence = Readonly<Record<string, unknown>>;

function parse(json: string): Evidence {
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Evidence)
      : {};
  } catch {
    return {};
  }
}

const KINDS = [
  'VOTING_RING_PAIR',
  'RECIPROCAL_PAIR',
  'AUTHOR_CONCENTRATION',
  'NEW_ACCOUNT_BURST',
] as const;
type Kind = (typeof KINDS)[number];
const isKind = (kind: string): kind is Kind => (KINDS as readonly string[]).includes(kind);

/**
 * An abuse flag's evidence in words, with numbers, shares and dates in the UI language (the API
 * sends the scan's numbers as JSON, dates as epoch milliseconds). Unknown kinds show their code.
 */
export function FlagEvidence({
  kind,
  evidence,
}: {
  readonly kind: string;
  readonly evidence: string;
}) {
  const { t, i18n } = useTranslation();
  if (!isKind(kind)) return <code className="muted">{kind}</code>;
  const e = parse(evidence);
  const language = i18n.language;
  const num = (key: string) => {
    const v = e[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : 0;
  };
  const count = (key: string) => new Intl.NumberFormat(language).format(num(key));
  const share = (key: string) =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
      num(key),
    );
  const date = (key: string) => formatDateTime(num(key), language);
  const values: Record<Kind, Record<string, string>> = {
    VOTING_RING_PAIR: {
      agreements: count('agreements'),
      shared: count('sharedCandidates'),
      rate: share('agreementRate'),
      crowd: share('crowdAgreementRate'),
    },
    RECIPROCAL_PAIR: {
      first: count('firstUpvotesOfSecond'),
      second: count('secondUpvotesOfFirst'),
    },
    AUTHOR_CONCENTRATION: {
      upvotes: count('upvotes'),
      candidates: count('candidates'),
      regulars: count('upvotesFromRegulars'),
      share: share('share'),
    },
    NEW_ACCOUNT_BURST: { votes: count('votes'), from: date('from'), to: date('to') },
  };
  return (
    <>
      <p>{t(`admin.flagged.kinds.${kind}`)}</p>
      <p className="muted" data-testid="flag-evidence">
        {t(`admin.flagged.evidence.${kind}`, values[kind])}
      </p>
    </>
  );
}
