type Child = Node | string | null | undefined | false;

/** Builds an element; strings become text nodes (user text is never parsed as HTML). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return el;
}

/**
 * Gives a shadow root its stylesheet. A constructed stylesheet is not an inline <style>, so an app
 * whose Content-Security-Policy says `style-src 'self'` (Chorus's own does) still styles the panel;
 * where constructed sheets are missing (older browsers, jsdom) a <style> element is the fallback.
 */
export function adoptStyles(root: ShadowRoot, css: string): void {
  const Sheet = (globalThis as { CSSStyleSheet?: typeof CSSStyleSheet }).CSSStyleSheet;
  if (Sheet !== undefined && 'adoptedStyleSheets' in root && 'replaceSync' in Sheet.prototype) {
    const sheet = new Sheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  root.append(h('style', {}, css));
}

export const STYLES = `
:host { all: initial; }
.overlay { position: fixed; pointer-events: none; z-index: 2147483646; outline: 2px solid #2563eb;
  outline-offset: 1px; border-radius: 2px; background: rgba(37, 99, 235, 0.08); display: none; }
.badge { position: fixed; right: 12px; bottom: 12px; z-index: 2147483646; font: 12px/1.4 system-ui, sans-serif;
  background: #1e3a8a; color: #fff; padding: 4px 8px; border-radius: 4px; }
.panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(420px, 100vw); z-index: 2147483647;
  background: #fff; color: #111; border-left: 1px solid #ccc; box-shadow: -4px 0 16px rgba(0,0,0,.15);
  font: 14px/1.45 system-ui, sans-serif; overflow-y: auto; padding: 16px; box-sizing: border-box; }
.panel h2 { font-size: 16px; margin: 0 0 4px; word-break: break-all; }
.panel h3 { font-size: 13px; margin: 16px 0 4px; text-transform: uppercase; color: #555; }
.panel .muted { color: #555; font-size: 12px; }
.panel ul { list-style: none; margin: 0; padding: 0; }
.panel li { border: 1px solid #e5e5e5; border-radius: 4px; padding: 6px 8px; margin: 4px 0; }
.panel .form { white-space: pre-wrap; }
.panel .cat { color: #555; font-size: 12px; margin-right: 6px; }
.panel label { display: block; font-size: 12px; color: #333; margin-top: 8px; }
.panel textarea, .panel input { width: 100%; box-sizing: border-box; font: inherit; padding: 4px; }
.panel button { font: inherit; margin: 6px 6px 0 0; padding: 4px 10px; cursor: pointer; }
.panel button[aria-pressed="true"] { background: #1e3a8a; color: #fff; }
.panel .close { position: absolute; top: 8px; right: 8px; margin: 0; }
.panel .status { margin-top: 8px; min-height: 1.4em; }
.panel .error { color: #b91c1c; }
.panel .tabs button { font-size: 12px; }
`;
