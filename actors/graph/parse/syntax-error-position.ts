import type { Node } from 'web-tree-sitter';

/**
 * Where the first syntax error of a tree is: the first `ERROR` or `MISSING` node in source
 * order, found by descending only into subtrees that contain an error.
 * @param root - a root node whose `hasError` is true
 * @returns 1-based line, 0-based column; the root's start when no error node is found
 */
export function syntaxErrorPosition(root: Node): { line: number; column: number } {
  let node = root;
  for (;;) {
    if (node.isError || node.isMissing) break;
    const next = node.children.find((child) => child.hasError || child.isMissing);
    if (next === undefined) break;
    node = next;
  }
  return { line: node.startPosition.row + 1, column: node.startPosition.column };
}
