import type { Finding } from '@chorus/translation-core';
import { assertNever } from '@chorus/translation-core';
import {
  type FormEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { SUBMIT_TRANSLATION } from '../api/translation-operations';
import type { Form, TranslatableString } from '../api/types';
import { GraphqlRequestError, errorMessage, request } from '../graphql-client';
import { ErrorMessage } from '../pages/load-state';
import { insertableTokens } from '../text/segments';
import { FindingsList } from './findings-list';
import { GlossaryPanel } from './glossary-panel';
import { glossaryMarksOf, useGlossaryHits } from './use-glossary-hits';
import { formSlots, liveFindings, sourceTextFor } from './form-slots';
import { OtherCandidates } from './other-candidates';
import { PlaceholderBar } from './placeholder-bar';
import { PluralInputs } from './plural-inputs';
import { ShortcutHelp } from './shortcut-help';
import { type Shortcut, shortcutFor } from './shortcuts';
import { SourcePanel } from './source-panel';
import { DiscussionPanel } from '../discussion/discussion-panel';
import { SuggestionsPanel } from './suggestions-panel';

interface TranslationEditorProps {
  /** Project slug (for the glossary hits of the source). */
  readonly project: string;
  readonly unit: TranslatableString;
  readonly sourceLocale: string;
  /** Called after a successful submit; the parent moves to the next string. */
  readonly onSubmitted: () => void;
  readonly onSkip: () => void;
  /** The viewer may not submit here (Project.viewerCan): source, discussion and candidates only. */
  readonly readOnly?: boolean;
}

function serverFindings(error: unknown): Finding[] | null {
  if (!(error instanceof GraphqlRequestError) || error.code !== 'CHECK_FAILED') return null;
  const details = error.details as { findings?: Finding[] } | undefined;
  return details?.findings ?? [];
}

/** The translate form for one string: inputs per plural form, live checks, tokens, shortcuts. */
export function TranslationEditor({
  project,
  unit,
  sourceLocale,
  onSubmitted,
  onSkip,
  readOnly = false,
}: TranslationEditorProps) {
  const { t } = useTranslation();
  const slots = useMemo(() => formSlots(unit), [unit]);
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(slots.map((s) => [s.category, ''])),
  );
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rejected, setRejected] = useState<Finding[] | null>(null);
  const [busy, setBusy] = useState(false);
  const inputs = useRef(new Map<string, HTMLTextAreaElement>());
  const focused = useRef<string>(slots[0]?.category ?? '');

  const tokens = useMemo(() => insertableTokens(unit.sourceForms.map((f) => f.text)), [unit]);
  const typed = Object.values(values).some((v) => v.length > 0);
  const glossary = useGlossaryHits(project, unit);
  const glossaryMarks = useCallback(
    (text: string) => glossaryMarksOf(text, glossary.checkTerms, sourceLocale, t),
    [glossary, sourceLocale, t],
  );
  const findings = useMemo(
    () => (typed ? liveFindings(unit, sourceLocale, values, glossary.checkTerms) : []),
    [typed, unit, sourceLocale, values, glossary],
  );
  const errors = findings.filter((f) => f.severity === 'error');
  const blocked = !typed || errors.length > 0 || busy || unit.locked;

  useEffect(() => {
    if (!readOnly) inputs.current.get(slots[0]?.category ?? '')?.focus();
  }, [slots, readOnly]);

  const setForm = useCallback((category: string, text: string) => {
    setValues((previous) => ({ ...previous, [category]: text }));
    setRejected(null);
  }, []);

  // Where the caret goes after an insert; applied right after React writes the new value, so
  // keys typed straight after Alt+N land behind the token (a later animation frame moved the
  // caret back under fast typing).
  const pendingCaret = useRef<{ readonly category: string; readonly position: number } | null>(
    null,
  );
  useLayoutEffect(() => {
    const pending = pendingCaret.current;
    if (pending === null) return;
    pendingCaret.current = null;
    const input = inputs.current.get(pending.category);
    input?.focus();
    input?.setSelectionRange(pending.position, pending.position);
  }, [values]);

  const insertToken = useCallback(
    (index: number) => {
      const token = tokens[index];
      if (token === undefined) return;
      const category = focused.current;
      const input = inputs.current.get(category);
      const current = input?.value ?? values[category] ?? '';
      const start = input?.selectionStart ?? current.length;
      const end = input?.selectionEnd ?? current.length;
      pendingCaret.current = { category, position: start + token.length };
      setForm(category, current.slice(0, start) + token + current.slice(end));
    },
    [tokens, values, setForm],
  );

  const copySource = useCallback(() => {
    setValues(Object.fromEntries(slots.map((s) => [s.category, sourceTextFor(unit, s.category)])));
    setRejected(null);
  }, [slots, unit]);

  const applySuggestion = useCallback(
    (forms: readonly Form[]) => {
      setValues(
        Object.fromEntries(
          slots.map((s) => [
            s.category,
            (
              forms.find((f) => f.category === s.category) ??
              forms.find((f) => f.category === 'other')
            )?.text ?? '',
          ]),
        ),
      );
    },
    [slots],
  );

  const submit = useCallback(() => {
    if (blocked) {
      if (errors.length > 0) setNotice(t('workspace.blocked', { count: errors.length }));
      const firstInvalid = errors[0]?.form;
      if (firstInvalid !== undefined) inputs.current.get(firstInvalid)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    request(SUBMIT_TRANSLATION, {
      input: {
        stringId: unit.id,
        locale: unit.locale,
        forms: slots.map((s) => ({ category: s.category, text: values[s.category] ?? '' })),
      },
    })
      .then(() => onSubmitted())
      .catch((e: unknown) => {
        const fromServer = serverFindings(e);
        if (fromServer !== null) setRejected(fromServer);
        else setError(errorMessage(e));
      })
      .finally(() => setBusy(false));
  }, [blocked, errors, t, unit, slots, values, onSubmitted]);

  useEffect(() => {
    const run = (shortcut: Shortcut) => {
      // Read-only: only moving on and the help work; there is no form to type into.
      if (readOnly && shortcut.kind !== 'skip' && shortcut.kind !== 'help') return;
      switch (shortcut.kind) {
        case 'submit':
          submit();
          return;
        case 'skip':
          onSkip();
          return;
        case 'copySource':
          copySource();
          return;
        case 'insert':
          insertToken(shortcut.index);
          return;
        case 'help':
          setHelpOpen((open) => !open);
          return;
        default:
          assertNever(shortcut);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const shortcut = shortcutFor(event);
      if (shortcut === null) return;
      event.preventDefault();
      run(shortcut);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [submit, onSkip, copySource, insertToken, readOnly]);

  const onFormSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  const invalidForms = new Set(errors.map((f) => f.form));
  return (
    <div className="workspace-grid">
      <div className="workspace-main">
        <SourcePanel unit={unit} marks={glossaryMarks} />
        <DiscussionPanel stringId={unit.id} locale={unit.locale} />
        {readOnly ? (
          <div className="actions">
            <button type="button" onClick={onSkip} aria-keyshortcuts="Control+ArrowRight Alt+S">
              {t('workspace.skip')} <kbd>Alt+S</kbd>
            </button>
          </div>
        ) : (
          <form className="editor" onSubmit={onFormSubmit} aria-labelledby="editor-heading">
            <h2 id="editor-heading">{t('workspace.yourTranslation', { locale: unit.locale })}</h2>
            {unit.locked && <p className="notice">{t('workspace.locked')}</p>}
            <PlaceholderBar tokens={tokens} onInsert={insertToken} />
            <PluralInputs
              slots={slots}
              values={values}
              onChange={setForm}
              onFocusSlot={(category) => {
                focused.current = category;
              }}
              inputs={inputs}
              idPrefix={`form-${unit.id}`}
              invalidForms={invalidForms}
            />
            <div aria-live="polite" data-testid="live-checks">
              <FindingsList findings={findings} />
            </div>
            {rejected !== null && (
              <div role="alert">
                <p>{t('workspace.rejectedByServer')}</p>
                <FindingsList findings={rejected} />
              </div>
            )}
            {error !== null && <ErrorMessage message={error} />}
            <div className="actions">
              <button type="submit" aria-disabled={blocked} aria-keyshortcuts="Control+Enter">
                {t('workspace.submitAndNext')} <kbd>Ctrl+Enter</kbd>
              </button>
              <button type="button" onClick={onSkip} aria-keyshortcuts="Control+ArrowRight Alt+S">
                {t('workspace.skip')} <kbd>Alt+S</kbd>
              </button>
              <button type="button" onClick={copySource} aria-keyshortcuts="Alt+C">
                {t('workspace.copySource')} <kbd>Alt+C</kbd>
              </button>
            </div>
            <p role="status" className="muted" data-testid="workspace-status">
              {notice ?? ''}
            </p>
          </form>
        )}
        <ShortcutHelp open={helpOpen} onToggle={setHelpOpen} />
      </div>
      <aside className="workspace-side">
        <GlossaryPanel hits={glossary.hits} />
        <SuggestionsPanel stringId={unit.id} locale={unit.locale} onUse={applySuggestion} />
        <OtherCandidates stringId={unit.id} locale={unit.locale} version={0} />
      </aside>
    </div>
  );
}
