/**
 * Screenshots of the current screen with where each key is on it (docs/in-context.md). The page
 * is drawn by the browser itself, with no permission prompt: the DOM is cloned into an SVG
 * <foreignObject>, the SVG is drawn on a canvas, the canvas becomes a PNG.
 *
 * Limits (an SVG drawn as an image loads nothing): same-origin stylesheets are inlined, other
 * origins' are left out; same-origin images are inlined as data URLs, others are blank; <canvas>,
 * <video>, <iframe> and web fonts from other origins are not drawn.
 */

/** One key's box on the screen, in CSS pixels of the viewport. */
export interface ScreenRegion {
  readonly ns: string;
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A region as Chorus takes it: whole pixels inside the image. */
export interface UploadRegion {
  readonly namespace: string;
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Chorus keeps at most this many regions per screenshot. */
export const MAX_UPLOAD_REGIONS = 500;

/**
 * Clips regions to the viewport (a key scrolled out of view is dropped, a key half in view keeps
 * its visible half), rounds them to whole pixels, keeps a key's first region, caps the count.
 */
export function clipRegions(
  regions: readonly ScreenRegion[],
  viewport: { readonly width: number; readonly height: number },
): UploadRegion[] {
  const width = Math.floor(viewport.width);
  const height = Math.floor(viewport.height);
  const seen = new Set<string>();
  const out: UploadRegion[] = [];
  for (const r of regions) {
    if (!(r.width > 0 && r.height > 0)) continue; // hidden (display: none) or empty
    const left = Math.max(0, Math.floor(r.x));
    const top = Math.max(0, Math.floor(r.y));
    const right = Math.min(width, Math.ceil(r.x + r.width));
    const bottom = Math.min(height, Math.ceil(r.y + r.height));
    if (right <= left || bottom <= top) continue;
    const id = `${r.ns}\u0000${r.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      namespace: r.ns,
      key: r.key,
      x: left,
      y: top,
      width: right - left,
      height: bottom - top,
    });
    if (out.length === MAX_UPLOAD_REGIONS) break;
  }
  return out;
}

export interface CaptureOptions {
  /** Elements left out of the picture (the in-context panel itself). */
  readonly ignore?: (element: Element) => boolean;
  /** Default image/png; image/jpeg or image/webp make smaller files of photo-heavy screens. */
  readonly type?: 'image/png' | 'image/jpeg' | 'image/webp';
}

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';

function sameOriginCss(doc: Document): string {
  const parts: string[] = [];
  const sheets = [...doc.styleSheets, ...(doc.adoptedStyleSheets ?? [])];
  for (const sheet of sheets) {
    if (sheet.ownerNode instanceof HTMLStyleElement) continue; // cloned with the DOM
    try {
      parts.push([...sheet.cssRules].map((rule) => rule.cssText).join('\n'));
    } catch {
      // Another origin's stylesheet: its rules are not readable (documented limit).
    }
  }
  return parts.join('\n');
}

function imageAsDataUrl(img: HTMLImageElement): string | null {
  if (!img.complete || img.naturalWidth === 0) return null;
  try {
    const canvas = img.ownerDocument.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d')?.drawImage(img, 0, 0);
    return canvas.toDataURL('image/png');
  } catch {
    return null; // another origin's image taints the canvas: left blank
  }
}

/** A copy of the page that an SVG image can draw: no scripts, inlined styles, current values. */
function cloneForPicture(doc: Document, ignore: (element: Element) => boolean): Element {
  const live = [...doc.documentElement.querySelectorAll('*')];
  const clone = doc.documentElement.cloneNode(true) as Element;
  const copies = [...clone.querySelectorAll('*')];
  const drop: Element[] = [];
  live.forEach((el, i) => {
    const copy = copies[i];
    if (copy === undefined) return;
    if (ignore(el) || el instanceof HTMLScriptElement || el instanceof HTMLLinkElement) {
      drop.push(copy);
    } else if (el instanceof HTMLImageElement) {
      const data = imageAsDataUrl(el);
      copy.removeAttribute('srcset');
      if (data === null) copy.removeAttribute('src');
      else copy.setAttribute('src', data);
    } else if (el instanceof HTMLTextAreaElement) {
      copy.textContent = el.value;
    } else if (el instanceof HTMLInputElement) {
      copy.setAttribute('value', el.value);
      copy.toggleAttribute('checked', el.checked);
    } else if (el instanceof HTMLOptionElement) {
      copy.toggleAttribute('selected', el.selected); // what the <select> shows now
    }
  });
  for (const el of drop) el.remove();
  const style = doc.createElementNS(XHTML, 'style');
  style.textContent = sameOriginCss(doc);
  clone.querySelector('head')?.append(style);
  return clone;
}

function loadImage(doc: Document, url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = doc.createElement('img');
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('The browser could not draw this page.'));
    img.src = url;
  });
}

/**
 * The visible part of the page as an image (viewport size, CSS pixels, so keyRegions() boxes
 * match it), without a permission prompt. Rejects where the browser refuses to draw the page.
 */
export async function captureScreenshot(
  doc: Document = document,
  options: CaptureOptions = {},
): Promise<Blob> {
  const view = doc.defaultView;
  if (view === null) throw new Error('The document has no window to capture.');
  const width = Math.max(1, Math.floor(view.innerWidth));
  const height = Math.max(1, Math.floor(view.innerHeight));
  const page = doc.documentElement;
  const clone = cloneForPicture(doc, options.ignore ?? (() => false));
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  const object = doc.createElementNS(SVG, 'foreignObject');
  object.setAttribute('x', String(-view.scrollX));
  object.setAttribute('y', String(-view.scrollY));
  object.setAttribute('width', String(Math.max(width, page.scrollWidth)));
  object.setAttribute('height', String(Math.max(height, page.scrollHeight)));
  object.append(clone);
  svg.append(object);
  const markup = new XMLSerializer().serializeToString(svg);
  const img = await loadImage(
    doc,
    `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`,
  );
  const canvas = doc.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('This browser cannot draw on a canvas.');
  context.fillStyle = '#fff'; // a page without a background is white, as browsers show it
  context.fillRect(0, 0, width, height);
  context.drawImage(img, 0, 0);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob === null ? reject(new Error('The screenshot could not be encoded.')) : resolve(blob),
      options.type ?? 'image/png',
      0.85,
    );
  });
}
