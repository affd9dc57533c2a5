import { assertNever } from '../assert-never';
import type { KeySeparator, PathSegment } from '../model';
import { keyOfPath } from '../model';
import type { CatalogueError, ParseWarning } from './parse-errors';
import type { JsonNode } from './tokenizer';

/** One text value of the file, at its key path. */
export interface Leaf {
  readonly path: readonly PathSegment[];
  readonly value: string;
  readonly line: number;
}

interface TrieNode {
  leaf: boolean;
  container: 'object' | 'array' | null;
  /** Created on first use: most nodes are leaves and never need one. */
  children: Map<string, TrieNode> | null;
}

/** A key path as messages show it. */
export function displayKey(path: readonly PathSegment[]): string {
  return keyOfPath(path);
}

/** Walks the JSON tree into leaves, reporting non-string leaves and leaf/branch conflicts with their lines. */
export function flatten(
  root: JsonNode,
  keySeparator: KeySeparator,
  errors: CatalogueError[],
  warnings: ParseWarning[],
  maxErrors: number,
): Leaf[] {
  const leaves: Leaf[] = [];
  const trie: TrieNode = { leaf: false, container: 'object', children: null };

  const insert = (path: readonly PathSegment[], line: number, column: number): boolean => {
    let node = trie;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i] as PathSegment;
      const want: 'object' | 'array' = typeof seg === 'number' ? 'array' : 'object';
      if (node.leaf) {
        errors.push({
          code: 'KEY_CONFLICT',
          message: `Line ${line}: key "${displayKey(path)}" needs "${displayKey(path.slice(0, i))}" to be an object, but it is already a text value. Rename one of the two keys.`,
          key: displayKey(path),
          line,
          column,
        });
        return false;
      }
      if (node.container !== null && node.container !== want) {
        errors.push({
          code: 'KEY_CONFLICT',
          message: `Line ${line}: "${displayKey(path.slice(0, i))}" is used both as an array and as an object (key "${displayKey(path)}").`,
          key: displayKey(path),
          line,
          column,
        });
        return false;
      }
      node.container = want;
      const name = typeof seg === 'number' ? String(seg) : seg;
      node.children ??= new Map<string, TrieNode>();
      let child = node.children.get(name);
      if (!child) {
        child = { leaf: false, container: null, children: null };
        node.children.set(name, child);
      }
      node = child;
    }
    if (node.leaf) {
      errors.push({
        code: 'DUPLICATE_KEY',
        message: `Line ${line}: key "${displayKey(path)}" is defined twice (for example once nested and once as a dotted key). Keep one.`,
        key: displayKey(path),
        line,
        column,
      });
      return false;
    }
    if (node.children !== null && node.children.size > 0) {
      errors.push({
        code: 'KEY_CONFLICT',
        message: `Line ${line}: key "${displayKey(path)}" is a text value but other keys are nested under it. Rename one of them.`,
        key: displayKey(path),
        line,
        column,
      });
      return false;
    }
    node.leaf = true;
    return true;
  };

  const walk = (node: JsonNode, path: PathSegment[], line: number, column: number): void => {
    if (errors.length >= maxErrors) return;
    switch (node.type) {
      case 'object':
        for (const m of node.members) {
          if (keySeparator === false && path.length === 0 && m.value.type === 'object') {
            warnings.push({
              code: 'NESTED_IN_FLAT_FILE',
              message: `Line ${m.line}: "${m.key}" holds nested objects, but this file uses flat keys (keySeparator false), so t() cannot reach the texts under it. This usually means a dotted key was split by a tool; write it as one flat key.`,
              key: m.key,
              line: m.line,
            });
          }
          const segs = keySeparator === false ? [m.key] : m.key.split(keySeparator);
          walk(m.value, [...path, ...segs], m.line, m.column);
        }
        return;
      case 'array':
        node.items.forEach((item, i) => walk(item, [...path, i], item.line, item.column));
        return;
      case 'string':
        if (insert(path, line, column)) leaves.push({ path, value: node.value, line });
        return;
      case 'number':
      case 'boolean':
      case 'null':
        errors.push({
          code: 'UNSUPPORTED_VALUE',
          message: `Line ${node.line}: key "${displayKey(path)}" has the ${node.type} value ${node.raw}; i18next catalogues may only contain text. Quote it ("${node.raw}") or remove it.`,
          key: displayKey(path),
          line: node.line,
          column: node.column,
        });
        return;
      default:
        return assertNever(node, 'JSON node');
    }
  };
  walk(root, [], 1, 1);
  return leaves;
}
