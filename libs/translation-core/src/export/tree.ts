import { assertNever } from '../assert-never';
import type { KeySeparator, PathSegment } from '../model';
import { keyOfPath } from '../model';
import type { Result } from '../result';
import { fail, ok } from '../result';
import type { CanonicalNode, CanonicalObject } from './canonical-json';

export const ExportErrorCode = {
  KEY_CONFLICT: 'KEY_CONFLICT',
  ARRAY_INCOMPLETE: 'ARRAY_INCOMPLETE',
  UNKNOWN_LOCALE: 'UNKNOWN_LOCALE',
} as const;
export type ExportErrorCode = (typeof ExportErrorCode)[keyof typeof ExportErrorCode];

export interface ExportError {
  readonly code: ExportErrorCode;
  readonly message: string;
  readonly key: string;
}

export interface EmittedLeaf {
  readonly path: readonly PathSegment[];
  readonly value: string;
}

type TreeNode =
  | { readonly type: 'object'; readonly children: Map<string, TreeNode> }
  | { readonly type: 'array'; readonly children: Map<number, TreeNode> }
  | { readonly type: 'leaf'; readonly value: string };

/** Splits string segments on the separator when writing nested files; flat files keep them whole. */
export function outputPath(
  path: readonly PathSegment[],
  keySeparator: KeySeparator,
): PathSegment[] {
  if (keySeparator === false) return [...path];
  return path.flatMap((s): PathSegment[] => (typeof s === 'number' ? [s] : s.split(keySeparator)));
}

function conflict(path: readonly PathSegment[], detail: string): ExportError {
  return {
    code: 'KEY_CONFLICT',
    message: `Key "${keyOfPath(path)}" cannot be written: ${detail}.`,
    key: keyOfPath(path),
  };
}

/** Builds the object tree of a file from leaves; a text value where an object is needed is KEY_CONFLICT. */
export function buildTree(
  leaves: readonly EmittedLeaf[],
  keySeparator: KeySeparator,
): Result<CanonicalObject, ExportError> {
  const root: TreeNode = { type: 'object', children: new Map() };
  const errors: ExportError[] = [];
  for (const leaf of leaves) {
    const path = outputPath(leaf.path, keySeparator);
    let node: TreeNode = root;
    let failed = false;
    for (let i = 0; i < path.length && !failed; i++) {
      const seg = path[i] as PathSegment;
      const last = i === path.length - 1;
      const next = path[i + 1];
      const make = (): TreeNode =>
        last
          ? { type: 'leaf', value: leaf.value }
          : typeof next === 'number'
            ? { type: 'array', children: new Map<number, TreeNode>() }
            : { type: 'object', children: new Map<string, TreeNode>() };
      if (node.type === 'leaf') {
        errors.push(conflict(leaf.path, `"${keyOfPath(path.slice(0, i))}" already holds text`));
        failed = true;
        break;
      }
      let child: TreeNode | undefined;
      if (node.type === 'object') {
        if (typeof seg !== 'string') {
          errors.push(
            conflict(leaf.path, `"${keyOfPath(path.slice(0, i))}" is both an object and an array`),
          );
          failed = true;
          break;
        }
        child = node.children.get(seg);
        if (!child) {
          child = make();
          node.children.set(seg, child);
        } else if (last) {
          errors.push(conflict(leaf.path, 'another value is already written at this key'));
          failed = true;
          break;
        }
      } else {
        if (typeof seg !== 'number') {
          errors.push(
            conflict(leaf.path, `"${keyOfPath(path.slice(0, i))}" is both an array and an object`),
          );
          failed = true;
          break;
        }
        child = node.children.get(seg);
        if (!child) {
          child = make();
          node.children.set(seg, child);
        } else if (last) {
          errors.push(conflict(leaf.path, 'another value is already written at this index'));
          failed = true;
          break;
        }
      }
      if (!last && child.type === 'leaf') {
        errors.push(conflict(leaf.path, `"${keyOfPath(path.slice(0, i + 1))}" already holds text`));
        failed = true;
        break;
      }
      if (!last && child.type !== (typeof next === 'number' ? 'array' : 'object')) {
        errors.push(
          conflict(
            leaf.path,
            `"${keyOfPath(path.slice(0, i + 1))}" is both an object and an array`,
          ),
        );
        failed = true;
        break;
      }
      node = child;
    }
  }
  if (errors.length > 0) return fail(errors);

  const convert = (node: TreeNode, path: PathSegment[]): CanonicalNode => {
    switch (node.type) {
      case 'leaf':
        return node.value;
      case 'object':
        return {
          kind: 'object',
          entries: [...node.children].map(([k, v]) => [k, convert(v, [...path, k])] as const),
        };
      case 'array': {
        const items: CanonicalNode[] = [];
        for (let i = 0; i < node.children.size; i++) {
          const child = node.children.get(i);
          if (!child) {
            errors.push({
              code: 'ARRAY_INCOMPLETE',
              message: `Array "${keyOfPath(path)}" has no element ${i}; arrays are written only when complete.`,
              key: keyOfPath(path),
            });
            return { kind: 'array', items: [] };
          }
          items.push(convert(child, [...path, i]));
        }
        return { kind: 'array', items };
      }
      default:
        return assertNever(node, 'JSON node');
    }
  };
  const tree = convert(root, []);
  if (errors.length > 0) return fail(errors);
  return ok(tree as CanonicalObject);
}
