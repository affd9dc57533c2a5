import {
  type Candidate,
  type CandidateList,
  ChorusApiError,
  type ChorusClient,
  type ChorusString,
  type Form,
  type GlossaryHit,
} from '../api-client';
import type { KeyRef } from '../key-map';
import { h } from './dom';
import { format, type Messages } from './messages';

export interface PanelDeps {
  readonly client: ChorusClient;
  readonly project: string;
  readonly messages: Messages;
  /** The app's current language, as Chorus names it. */
  readonly locale: () => string;
  /** Shows a submitted translation in the page (the preview). */
  readonly preview: (ref: KeyRef, forms: readonly Form[]) => void;
  /** Captures this screen and uploads it with its key regions (shown when the owner allows it). */
  readonly uploadScreenshot: () => Promise<{ regions: number }>;
}

function sourceText(s: ChorusString): string {
  return s.sourceForms.map((f) => f.text).join('\n');
}

/** The side panel for one key (or the keys of one element): source, candidates, votes, submit. */
export class Panel {
  private readonly el: HTMLElement;
  private refs: readonly KeyRef[] = [];
  private generation = 0;

  constructor(
    root: ShadowRoot,
    private readonly deps: PanelDeps,
  ) {
    this.el = h('aside', {
      class: 'panel',
      role: 'dialog',
      'aria-label': deps.messages.panelTitle,
      'data-chorus-panel': '',
    });
    this.el.hidden = true;
    root.append(this.el);
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  close(): void {
    this.generation += 1;
    this.el.hidden = true;
    this.el.replaceChildren();
  }

  open(refs: readonly KeyRef[], selected = 0): void {
    this.refs = refs;
    const ref = refs[selected];
    if (ref === undefined) return;
    this.el.hidden = false;
    void this.show(ref, selected);
  }

  /** Asks for a session first (in-context mode needs one). Resolves once signed in. */
  signIn(onSignedIn: () => void): void {
    const m = this.deps.messages;
    this.el.hidden = false;
    const email = h('input', { type: 'email', autocomplete: 'username', id: 'chorus-email' });
    const password = h('input', {
      type: 'password',
      autocomplete: 'current-password',
      id: 'chorus-password',
    });
    const status = h('p', { class: 'status', role: 'status' });
    const form = h(
      'form',
      {},
      h('label', { for: 'chorus-email' }, m.email),
      email,
      h('label', { for: 'chorus-password' }, m.password),
      password,
      h('button', { type: 'submit' }, m.signIn),
      status,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.deps.client.signIn(email.value, password.value).then(
        () => {
          this.close();
          onSignedIn();
        },
        (error: unknown) => this.fail(status, error),
      );
    });
    this.el.replaceChildren(this.closeButton(), h('h2', {}, m.signInTitle), form);
  }

  private closeButton(): HTMLButtonElement {
    const button = h('button', { class: 'close', type: 'button' }, '×');
    button.setAttribute('aria-label', this.deps.messages.close);
    button.addEventListener('click', () => this.close());
    return button;
  }

  private async show(ref: KeyRef, selected: number): Promise<void> {
    const m = this.deps.messages;
    const generation = ++this.generation;
    const locale = this.deps.locale();
    const status = h('p', { class: 'status', role: 'status' }, m.loading);
    this.el.replaceChildren(this.closeButton(), this.header(ref, locale, selected), status);
    try {
      const string = await this.deps.client.stringByKey(this.deps.project, locale, ref.ns, ref.key);
      const [list, glossary, screenshots] = await Promise.all([
        this.deps.client.candidates(string.id, locale),
        this.deps.client.glossaryHits(this.deps.project, locale, sourceText(string)),
        this.deps.client.screenshotsAllowed(this.deps.project),
      ]);
      if (generation !== this.generation) return;
      this.render(ref, locale, selected, string, list, glossary);
      if (screenshots) this.el.append(this.screenshotButton());
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof ChorusApiError && error.code === 'STRING_NOT_FOUND') {
        this.info(status, format(m.notInChorus, { key: ref.key, ns: ref.ns }));
      } else if (error instanceof ChorusApiError && error.code === 'UNKNOWN_LOCALE') {
        this.info(status, m.sourceLocale);
      } else this.fail(status, error);
    }
  }

  private header(ref: KeyRef, locale: string, selected: number): HTMLElement {
    const m = this.deps.messages;
    const tabs = h('div', { class: 'tabs' });
    if (this.refs.length > 1) {
      this.refs.forEach((r, i) => {
        const tab = h('button', { type: 'button', 'aria-pressed': String(i === selected) }, r.key);
        tab.addEventListener('click', () => this.open(this.refs, i));
        tabs.append(tab);
      });
    }
    return h(
      'header',
      {},
      h('h2', { 'data-chorus-key': '' }, `${ref.ns}:${ref.key}`),
      h('p', { class: 'muted' }, `${m.locale}: ${locale}`),
      tabs,
    );
  }

  private render(
    ref: KeyRef,
    locale: string,
    selected: number,
    string: ChorusString,
    list: CandidateList,
    glossary: readonly GlossaryHit[] | null,
  ): void {
    const m = this.deps.messages;
    const status = h('p', { class: 'status', role: 'status' });
    const parts: (Node | null)[] = [
      this.closeButton(),
      this.header(ref, locale, selected),
      h('h3', {}, m.source),
      this.formsList(string.sourceForms),
      string.context === null ? null : h('p', {}, `${m.context}: `, string.context),
      string.description === null
        ? null
        : h('p', { class: 'muted' }, `${m.description}: `, string.description),
      // Optional: only when this Chorus has the glossary (glossaryHits answers).
      glossary === null || glossary.length === 0
        ? null
        : h(
            'section',
            { 'data-chorus-glossary': '' },
            h('h3', {}, m.glossary),
            h(
              'ul',
              {},
              ...glossary.map((g) =>
                h('li', {}, g.term, ' → ', g.doNotTranslate ? g.term : (g.translation ?? '—')),
              ),
            ),
          ),
      h('h3', {}, m.candidates),
      this.candidateList(string, list, status),
      string.locked ? h('p', {}, m.locked) : this.submitForm(ref, string, locale, status),
      status,
    ];
    this.el.replaceChildren(...parts.filter((p): p is Node => p !== null));
  }

  private formsList(forms: readonly Form[]): HTMLElement {
    return h(
      'ul',
      {},
      ...forms.map((f) =>
        h(
          'li',
          {},
          f.category === '' ? null : h('span', { class: 'cat' }, f.category),
          h('span', { class: 'form' }, f.text),
        ),
      ),
    );
  }

  private candidateList(
    string: ChorusString,
    list: CandidateList,
    status: HTMLElement,
  ): HTMLElement {
    const m = this.deps.messages;
    if (list.candidates.length === 0) return h('p', { class: 'muted' }, m.noCandidates);
    const items = list.candidates.map((c) => this.candidateItem(string, c, status));
    return h(
      'div',
      {},
      list.hasVoted ? null : h('p', { class: 'muted' }, m.votesHidden),
      h('ul', { 'data-chorus-candidates': '' }, ...items),
    );
  }

  private candidateItem(string: ChorusString, c: Candidate, status: HTMLElement): HTMLElement {
    const m = this.deps.messages;
    const item = h('li', {}, this.formsList(c.forms));
    if (c.tally !== null) {
      item.append(
        h(
          'p',
          { class: 'muted' },
          format(m.votes, { up: c.tally.upvoters, down: c.tally.downvoters }),
        ),
      );
    }
    if (c.isMine) item.append(h('p', { class: 'muted' }, m.yours));
    else if (!string.locked) {
      for (const [value, label] of [
        [1, m.upvote],
        [-1, m.downvote],
      ] as const) {
        const button = h(
          'button',
          { type: 'button', 'aria-pressed': String(c.myVote === value) },
          label,
        );
        button.addEventListener('click', () => {
          this.deps.client.vote(c.id, value).then(
            () => {
              status.textContent = m.voted;
              void this.refresh();
            },
            (error: unknown) => this.fail(status, error),
          );
        });
        item.append(button);
      }
    }
    return item;
  }

  private submitForm(
    ref: KeyRef,
    string: ChorusString,
    locale: string,
    status: HTMLElement,
  ): HTMLElement {
    const m = this.deps.messages;
    const fields = string.requiredForms.map((form, i) => {
      const id = `chorus-form-${i}`;
      const area = h('textarea', { id, rows: '2', 'data-category': form.category });
      if (string.maxLength !== null) area.maxLength = string.maxLength;
      const label =
        form.category === '' ? m.propose : `${m.propose} (${form.category}: ${form.examples})`;
      return { category: form.category, area, label: h('label', { for: id }, label) };
    });
    const form = h(
      'form',
      { 'data-chorus-submit': '' },
      h('h3', {}, m.propose),
      ...fields.flatMap((f) => [f.label, f.area]),
      h('button', { type: 'submit' }, m.submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const forms = fields.map((f) => ({ category: f.category, text: f.area.value }));
      this.submitWithJoin(string.id, locale, forms).then(
        () => {
          this.deps.preview(ref, forms);
          void this.refresh().then(() => {
            const shown = this.el.querySelector('.status');
            if (shown !== null) shown.textContent = m.submitted;
          });
        },
        (error: unknown) => this.fail(status, error),
      );
    });
    return form;
  }

  /** The owner allows screenshots: one button uploads this screen with its key positions. */
  private screenshotButton(): HTMLElement {
    const m = this.deps.messages;
    const status = h('p', { class: 'status', role: 'status' });
    const button = h(
      'button',
      { type: 'button', 'data-chorus-screenshot': '' },
      m.uploadScreenshot,
    );
    button.addEventListener('click', () => {
      button.disabled = true;
      status.textContent = m.screenshotWorking;
      this.deps.uploadScreenshot().then(
        (stored) => {
          button.disabled = false;
          status.dataset['state'] = 'info';
          status.textContent = format(m.screenshotUploaded, { regions: stored.regions });
        },
        (error: unknown) => {
          button.disabled = false;
          this.fail(status, error);
        },
      );
    });
    return h('section', { 'data-chorus-screenshots': '' }, button, status);
  }

  /** Join on first use: in an open project a volunteer who is not a member joins, then submits. */
  private async submitWithJoin(
    stringId: string,
    locale: string,
    forms: readonly Form[],
  ): Promise<void> {
    if ((await this.deps.client.shouldJoin(this.deps.project, locale)) === true) {
      await this.deps.client.join(this.deps.project, locale);
    }
    await this.deps.client.submit(stringId, locale, forms);
  }

  private async refresh(): Promise<void> {
    const current = this.el.querySelector('.tabs button[aria-pressed="true"]');
    const index =
      current === null ? 0 : [...this.el.querySelectorAll('.tabs button')].indexOf(current);
    const ref = this.refs[Math.max(index, 0)];
    if (ref !== undefined) await this.show(ref, Math.max(index, 0));
  }

  /** Something the translator should know (not a failure): shown in the status line. */
  private info(status: HTMLElement, text: string): void {
    status.dataset['state'] = 'info';
    status.textContent = text;
  }

  private fail(status: HTMLElement, error: unknown): void {
    status.dataset['state'] = 'error';
    status.classList.add('error');
    const message = error instanceof Error ? error.message : String(error);
    status.textContent = format(this.deps.messages.failed, { message });
  }
}
