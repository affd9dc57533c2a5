import type { i18n as I18n, ThirdPartyModule } from 'i18next';
import { ChorusClient, type FetchLike, type Form } from './api-client';
import { DomScanner } from './dom-scanner';
import {
  activation,
  defaultEnabled,
  matchesShortcut,
  parseShortcut,
  STORAGE_KEY,
  type Shortcut,
} from './enable';
import { KeyMap, type KeyRef } from './key-map';
import { markingPostProcessor } from './post-processor';
import { captureScreenshot, clipRegions } from './screenshot';
import { adoptStyles, h, STYLES } from './ui/dom';
import { DEFAULT_MESSAGES, type Messages } from './ui/messages';
import { Panel } from './ui/panel';

export interface ChorusInContextOptions {
  /** Project slug in Chorus. */
  readonly project: string;
  /** Where Chorus runs, e.g. `https://chorus.example.com` (its GraphQL is `${apiUrl}/graphql`). */
  readonly apiUrl: string;
  /**
   * Whether this build may switch in-context mode on at all. Default: on in development builds,
   * off when the bundler set `process.env.NODE_ENV` to `production`.
   */
  readonly enabled?: boolean;
  /** Toggles the mode (after a Chorus sign-in). Default `Alt+Shift+C`. */
  readonly shortcut?: string;
  /** The Chorus locale of an i18next language code (default: the code itself). */
  readonly localeOf?: (language: string) => string;
  readonly messages?: Partial<Messages>;
  /** For tests and custom transports. */
  readonly fetch?: FetchLike;
}

/** A region of the screen showing one key, for screenshots with key positions. */
export interface KeyRegion {
  readonly ns: string;
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface ChorusInContext extends ThirdPartyModule {
  /** Whether strings are being marked right now. */
  readonly active: boolean;
  /** Asks for the mode: checks the Chorus session first (sign-in panel when there is none). */
  activate(): Promise<void>;
  deactivate(): void;
  /** Switches off and removes the shortcut listener (tests, hot module reload). */
  dispose(): void;
  /** Where each marked key is on the screen now (empty when the mode is off). */
  keyRegions(): KeyRegion[];
  /**
   * Captures the screen (captureScreenshot) and uploads it with keyRegions() to Chorus, when the
   * project's owner allows screenshots. Rejects when the mode is off or Chorus refuses.
   */
  uploadScreenshot(): Promise<{ id: string; regions: number }>;
}

/** Above this a PNG is re-encoded as JPEG (Chorus's default limit is 2 MB). */
const PNG_BUDGET_BYTES = 1_500_000;

let instances = 0;

/**
 * `i18next.use(chorusInContext({ project, apiUrl }))`. Until the tab asks for in-context mode
 * (`?chorus-in-context=1` or the shortcut) and a Chorus session exists, it registers nothing in
 * i18next: no post-processor, no markers, no key map, no requests.
 */
export function chorusInContext(options: ChorusInContextOptions): ChorusInContext {
  const name = `chorusInContext${++instances}`;
  const enabled = options.enabled ?? defaultEnabled();
  const messages: Messages = { ...DEFAULT_MESSAGES, ...options.messages };
  const client = new ChorusClient(options.apiUrl, options.fetch);
  const shortcut: Shortcut = parseShortcut(options.shortcut ?? 'Alt+Shift+C');
  const localeOf = options.localeOf ?? ((lng: string) => lng);
  let i18n: I18n | null = null;
  let session: Session | null = null;
  let ui: Ui | null = null;
  let onKey: ((event: KeyboardEvent) => void) | null = null;

  const mountUi = (): Ui => {
    ui ??= new Ui(
      messages,
      client,
      options.project,
      () => localeOf(languageOf(i18n)),
      (ref, forms) => {
        if (i18n !== null) preview(i18n, ref, forms);
      },
      () => plugin.uploadScreenshot(),
    );
    return ui;
  };

  const plugin: ChorusInContext = {
    type: '3rdParty',
    get active() {
      return session !== null;
    },
    init(instance: I18n) {
      i18n = instance;
      if (!enabled || typeof window === 'undefined') return;
      const storage = safeSessionStorage();
      const wanted = activation({
        enabled,
        search: window.location.search,
        stored: storage?.getItem(STORAGE_KEY) ?? null,
      });
      if (wanted.store === 'set') storage?.setItem(STORAGE_KEY, '1');
      if (wanted.store === 'clear') storage?.removeItem(STORAGE_KEY);
      onKey = (event: KeyboardEvent) => {
        if (!matchesShortcut(event, shortcut)) return;
        event.preventDefault();
        if (session !== null || ui !== null) {
          storage?.removeItem(STORAGE_KEY);
          plugin.deactivate();
        } else {
          storage?.setItem(STORAGE_KEY, '1');
          void plugin.activate();
        }
      };
      window.addEventListener('keydown', onKey);
      if (wanted.requested) void plugin.activate();
    },
    async activate() {
      if (i18n === null || session !== null || !enabled) return;
      const me = await client.me().catch(() => null);
      if (me === null) {
        mountUi().panel.signIn(() => void plugin.activate());
        return;
      }
      session = new Session(i18n, name, mountUi());
    },
    deactivate() {
      session?.end();
      session = null;
      ui?.remove();
      ui = null;
    },
    dispose() {
      plugin.deactivate();
      if (onKey !== null) window.removeEventListener('keydown', onKey);
      onKey = null;
    },
    keyRegions() {
      return session?.keyRegions() ?? [];
    },
    async uploadScreenshot() {
      if (session === null) throw new Error('Switch in-context mode on first.');
      const regions = clipRegions(session.keyRegions(), {
        width: window.innerWidth,
        height: window.innerHeight,
      });
      const ignore = (el: Element) => ui !== null && el === ui.host;
      let image = await captureScreenshot(document, { ignore });
      if (image.size > PNG_BUDGET_BYTES) {
        image = await captureScreenshot(document, { ignore, type: 'image/jpeg' });
      }
      return client.uploadScreenshot(options.project, image, regions);
    },
  };
  return plugin;
}

function safeSessionStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage blocked (sandboxed frame, privacy settings)
  }
}

/**
 * The language the app asked for, not `resolvedLanguage`: a locale nobody has translated yet
 * resolves to the fallback, and that is exactly the locale a translator wants to work on.
 */
function languageOf(i18n: I18n | null): string {
  return i18n?.language ?? 'en';
}

/** Re-renders react-i18next (and any `languageChanged` listener) without changing the language. */
function rerender(i18n: I18n): void {
  i18n.emit('languageChanged', i18n.language);
}

/** The preview: the submitted forms become the app's resources for this key until the next load. */
function preview(i18n: I18n, ref: KeyRef, forms: readonly Form[]): void {
  const sep = i18n.options.pluralSeparator ?? '_';
  const lng = languageOf(i18n);
  for (const form of forms) {
    const key =
      form.category === ''
        ? ref.key
        : `${ref.key}${sep}${ref.ordinal ? `ordinal${sep}` : ''}${form.category}`;
    i18n.addResource(lng, ref.ns, key, form.text, { silent: true });
  }
  rerender(i18n);
}

/** The shadow-DOM host: hover outline, mode badge and panel, out of reach of the app's styles. */
class Ui {
  readonly host: HTMLElement;
  readonly panel: Panel;
  readonly overlay: HTMLElement;

  constructor(
    messages: Messages,
    client: ChorusClient,
    project: string,
    locale: () => string,
    onPreview: (ref: KeyRef, forms: readonly Form[]) => void,
    uploadScreenshot: () => Promise<{ regions: number }>,
  ) {
    this.host = h('div', { 'data-chorus-in-context': '' });
    const root = this.host.attachShadow({ mode: 'open' });
    adoptStyles(root, STYLES);
    this.overlay = h('div', { class: 'overlay' });
    root.append(this.overlay, h('div', { class: 'badge' }, messages.active));
    this.panel = new Panel(root, {
      client,
      project,
      messages,
      locale,
      preview: onPreview,
      uploadScreenshot,
    });
    document.body.append(this.host);
  }

  remove(): void {
    this.host.remove();
  }
}

/** In-context mode on: marking, scanning, hover and Alt+click, until end(). */
class Session {
  private readonly keys = new KeyMap();
  private readonly scanner: DomScanner;
  private readonly listeners: [string, (event: MouseEvent) => void][];
  private readonly passResolvedBefore: boolean | undefined;

  constructor(
    private readonly i18n: I18n,
    private readonly name: string,
    private readonly ui: Ui,
  ) {
    i18n.use(markingPostProcessor(name, this.keys));
    const current = i18n.options.postProcess;
    const list =
      current === false || current === undefined
        ? []
        : typeof current === 'string'
          ? [current]
          : [...current];
    i18n.options.postProcess = [...list.filter((n) => n !== name), name];
    this.passResolvedBefore = i18n.options.postProcessPassResolved;
    i18n.options.postProcessPassResolved = true;
    this.scanner = new DomScanner(document.body, (node) => node === ui.host);
    this.scanner.observe();
    this.listeners = [
      ['mousemove', (event) => this.hover(event)],
      ['click', (event) => this.click(event)],
    ];
    for (const [type, fn] of this.listeners)
      document.addEventListener(type, fn as EventListener, true);
    rerender(i18n);
    this.scanner.scan();
  }

  end(): void {
    const current = this.i18n.options.postProcess;
    if (Array.isArray(current))
      this.i18n.options.postProcess = current.filter((n) => n !== this.name);
    this.i18n.options.postProcessPassResolved = this.passResolvedBefore;
    for (const [type, fn] of this.listeners)
      document.removeEventListener(type, fn as EventListener, true);
    this.scanner.stop();
    rerender(this.i18n);
  }

  keyRegions(): KeyRegion[] {
    return this.scanner.markedElements().flatMap((el) => {
      const found = this.scanner.keysAt(el);
      const box = el.getBoundingClientRect();
      return (found?.indices ?? []).flatMap((i) => {
        const ref = this.keys.get(i);
        return ref === undefined
          ? []
          : [
              {
                ns: ref.ns,
                key: ref.key,
                x: box.x,
                y: box.y,
                width: box.width,
                height: box.height,
              },
            ];
      });
    });
  }

  private refsAt(target: EventTarget | null): { element: Element; refs: KeyRef[] } | null {
    const found = this.scanner.keysAt(target instanceof Element ? target : null);
    if (found === null) return null;
    const refs = found.indices.flatMap((i) => this.keys.get(i) ?? []);
    return refs.length === 0 ? null : { element: found.element, refs };
  }

  private hover(event: MouseEvent): void {
    const found = this.refsAt(event.target);
    const style = this.ui.overlay.style;
    if (found === null) {
      style.display = 'none';
      return;
    }
    const box = found.element.getBoundingClientRect();
    Object.assign(style, {
      display: 'block',
      left: `${box.left}px`,
      top: `${box.top}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
    });
  }

  private click(event: MouseEvent): void {
    if (!event.altKey) return;
    const found = this.refsAt(event.target);
    if (found === null) return;
    event.preventDefault();
    event.stopPropagation();
    this.ui.panel.open(found.refs);
  }
}
