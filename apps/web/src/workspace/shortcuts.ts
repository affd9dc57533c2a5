import { assertNever } from '@chorus/translation-core';

/** What a key press in the workspace asks for. */
export type Shortcut =
  | { readonly kind: 'submit' }
  | { readonly kind: 'skip' }
  | { readonly kind: 'copySource' }
  | { readonly kind: 'insert'; readonly index: number }
  | { readonly kind: 'help' };

export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * The workspace's keyboard map. `code` (physical key) is used for Alt+digit/letter because Alt
 * changes `key` on macOS and some European layouts. Cmd counts as Ctrl on macOS.
 */
export function shortcutFor(press: KeyPress): Shortcut | null {
  const ctrl = press.ctrlKey || press.metaKey;
  if (ctrl && !press.altKey && press.key === 'Enter') return { kind: 'submit' };
  if (ctrl && !press.altKey && !press.shiftKey && press.key === 'ArrowRight')
    return { kind: 'skip' };
  if (ctrl && press.shiftKey && !press.altKey && press.code === 'KeyC')
    return { kind: 'copySource' };
  if (press.altKey && !ctrl) {
    if (press.code === 'KeyS') return { kind: 'skip' };
    if (press.code === 'KeyC') return { kind: 'copySource' };
    if (press.code === 'KeyH') return { kind: 'help' };
    const digit = /^Digit([1-9])$/.exec(press.code);
    if (digit?.[1] !== undefined) return { kind: 'insert', index: Number(digit[1]) - 1 };
  }
  return null;
}

/** The rows of the help panel, each with the i18n key of its description. */
export const SHORTCUT_HELP: readonly {
  readonly keys: string;
  readonly action: Shortcut['kind'];
}[] = [
  { keys: 'Ctrl+Enter', action: 'submit' },
  { keys: 'Ctrl+→ / Alt+S', action: 'skip' },
  { keys: 'Ctrl+Shift+C / Alt+C', action: 'copySource' },
  { keys: 'Alt+1 … Alt+9', action: 'insert' },
  { keys: 'Alt+H', action: 'help' },
];

export function shortcutActionKey(action: Shortcut['kind']): string {
  switch (action) {
    case 'submit':
      return 'workspace.shortcuts.submit';
    case 'skip':
      return 'workspace.shortcuts.skip';
    case 'copySource':
      return 'workspace.shortcuts.copySource';
    case 'insert':
      return 'workspace.shortcuts.insert';
    case 'help':
      return 'workspace.shortcuts.help';
    default:
      return assertNever(action);
  }
}
