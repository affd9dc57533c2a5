import { screenshotError } from './screenshot.errors';

export interface KeyRegionInput {
  readonly namespace: string;
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const MAX_REGIONS = 500;
const MAX_NAME = 500;
/** The regions' JSON: 500 regions with long keys fit; anything larger is not a key map. */
export const MAX_REGIONS_JSON_BYTES = 256 * 1024;

function invalid(message: string) {
  return screenshotError('INVALID_REGIONS', message);
}

function coordinate(value: unknown, name: string, index: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw invalid(`regions[${index}].${name} must be a whole number from 0 to ${max}.`);
  }
  return value;
}

function text(value: unknown, name: string, index: number): string {
  if (typeof value !== 'string' || value === '' || value.length > MAX_NAME) {
    throw invalid(`regions[${index}].${name} must be a string of 1 to ${MAX_NAME} characters.`);
  }
  return value;
}

/**
 * Parses and checks the key regions sent with a screenshot: at most MAX_REGIONS, whole pixels
 * inside the image, a non-empty area. A key shown twice keeps its first region.
 */
export function parseRegions(
  json: string,
  image: { width: number; height: number },
): KeyRegionInput[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw invalid('regions must be a JSON array of { namespace, key, x, y, width, height }.');
  }
  if (!Array.isArray(parsed)) {
    throw invalid('regions must be a JSON array of { namespace, key, x, y, width, height }.');
  }
  if (parsed.length === 0) throw invalid('Send at least one key region with the screenshot.');
  if (parsed.length > MAX_REGIONS) {
    throw invalid(`At most ${MAX_REGIONS} key regions per screenshot (got ${parsed.length}).`);
  }
  const seen = new Set<string>();
  const out: KeyRegionInput[] = [];
  parsed.forEach((raw: unknown, i) => {
    if (typeof raw !== 'object' || raw === null) throw invalid(`regions[${i}] must be an object.`);
    const r = raw as Record<string, unknown>;
    const region = {
      namespace: text(r['namespace'], 'namespace', i),
      key: text(r['key'], 'key', i),
      x: coordinate(r['x'], 'x', i, image.width - 1),
      y: coordinate(r['y'], 'y', i, image.height - 1),
      width: coordinate(r['width'], 'width', i, image.width),
      height: coordinate(r['height'], 'height', i, image.height),
    };
    if (region.width === 0 || region.height === 0) {
      throw invalid(`regions[${i}] has no area.`);
    }
    if (region.x + region.width > image.width || region.y + region.height > image.height) {
      throw invalid(
        `regions[${i}] reaches outside the ${image.width}×${image.height} image; clip it to the screen.`,
      );
    }
    const id = `${region.namespace}\u0000${region.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(region);
  });
  return out;
}
