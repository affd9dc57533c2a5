/**
 * Canonical JSON writer (DOMAIN C4): members sorted by UTF-16 code units at every level, written from sorted
 * entry lists (never a JS object through JSON.stringify, which puts integer-like keys first). Strings are
 * escaped exactly as JSON.stringify does (ES2019 well-formed: lone surrogates become \uXXXX).
 */
export type CanonicalNode = string | CanonicalObject | CanonicalArray;
export interface CanonicalObject {
  readonly kind: 'object';
  readonly entries: readonly (readonly [string, CanonicalNode])[];
}
export interface CanonicalArray {
  readonly kind: 'array';
  readonly items: readonly CanonicalNode[];
}

/** Code-unit order, the JS default sort and RFC 8785's property order. Never localeCompare. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedEntries(node: CanonicalObject): (readonly [string, CanonicalNode])[] {
  return [...node.entries].sort((x, y) => compareCodeUnits(x[0], y[0]));
}

function writePretty(node: CanonicalNode, indent: string, out: string[]): void {
  if (typeof node === 'string') {
    out.push(JSON.stringify(node));
    return;
  }
  const inner = indent + '  ';
  if (node.kind === 'object') {
    const entries = sortedEntries(node);
    if (entries.length === 0) {
      out.push('{}');
      return;
    }
    out.push('{\n');
    entries.forEach(([key, value], i) => {
      out.push(inner, JSON.stringify(key), ': ');
      writePretty(value, inner, out);
      out.push(i < entries.length - 1 ? ',\n' : '\n');
    });
    out.push(indent, '}');
    return;
  }
  if (node.items.length === 0) {
    out.push('[]');
    return;
  }
  out.push('[\n');
  node.items.forEach((item, i) => {
    out.push(inner);
    writePretty(item, inner, out);
    out.push(i < node.items.length - 1 ? ',\n' : '\n');
  });
  out.push(indent, ']');
}

/** Two-space indent, `": "`, LF line ends and one trailing LF: the bytes of a bundle file. */
export function writeCanonicalJson(node: CanonicalNode): string {
  const out: string[] = [];
  writePretty(node, '', out);
  out.push('\n');
  return out.join('');
}

function writeCompact(node: CanonicalNode): string {
  if (typeof node === 'string') return JSON.stringify(node);
  if (node.kind === 'object') {
    return `{${sortedEntries(node)
      .map(([k, v]) => `${JSON.stringify(k)}:${writeCompact(v)}`)
      .join(',')}}`;
  }
  return `[${node.items.map(writeCompact).join(',')}]`;
}

/** RFC 8785-style compact canonical JSON (no whitespace), used for hashing values such as source forms. */
export function writeCompactCanonicalJson(node: CanonicalNode): string {
  return writeCompact(node);
}
