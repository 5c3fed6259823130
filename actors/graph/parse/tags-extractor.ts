import type { Node, QueryCapture } from 'web-tree-sitter';
import { kSignatureMaxChars, type DefKind, type DefTag, type RefKind, type RefTag } from './file-tags.js';
import type { LoadedGrammar } from './grammar-loader.js';

/** The tags of one syntax tree. */
export interface ExtractedTags {
  defs: DefTag[];
  refs: RefTag[];
  imports: string[];
}

/** A definition or scope before nesting is resolved; `start`/`end` span the whole node. */
interface Container {
  pattern: number;
  name: string;
  start: number;
  end: number;
  nameStart: number;
  def: DefTag | null;
  scopeName: string | null;
}

interface RefCandidate {
  pattern: number;
  start: number;
  tag: RefTag;
}

// Locals: variables declared inside a function are not definitions worth listing.
const localKinds: ReadonlySet<DefKind> = new Set(['variable', 'constant']);
const functionKinds: ReadonlySet<DefKind> = new Set(['function', 'method']);

/**
 * Runs a grammar's tags query over a tree and turns the matches into definitions (with their
 * enclosing names and signature lines), references and imports, in source order.
 * When several patterns capture the same name node, the lowest pattern index wins; a name that
 * is defined is not also a reference.
 * @param root - the tree's root node
 * @param source - the text the tree was parsed from
 * @param grammar - the loaded grammar and query
 * @returns the tags; never throws for odd input (unknown shapes are skipped)
 */
export function extractTags(root: Node, source: string, grammar: LoadedGrammar): ExtractedTags {
  const collector = new TagCollector(source, grammar);
  for (const match of grammar.query.matches(root)) collector.add(match.patternIndex, match.captures);
  return collector.finish();
}

/** Gathers the captures of every match, keyed by the start of the captured name node. */
class TagCollector {
  readonly #source: string;
  readonly #grammar: LoadedGrammar;
  readonly #containers = new Map<number, Container>();
  readonly #scopes: Container[] = [];
  readonly #refs = new Map<number, RefCandidate>();
  readonly #imports = new Set<string>();

  constructor(source: string, grammar: LoadedGrammar) {
    this.#source = source;
    this.#grammar = grammar;
  }

  /** Reads one match; a plain loop over captures, because this runs for every tag of every file. */
  add(pattern: number, captures: readonly QueryCapture[]): void {
    let nameNode: Node | undefined;
    let defNode: Node | undefined;
    let defKind: DefKind | undefined;
    let scopeNode: Node | undefined;
    let scopeName: string | null = null;
    for (const capture of captures) {
      const role = this.#grammar.roles.get(capture.name);
      if (role === undefined) continue;
      switch (role.role) {
        case 'name':
          nameNode = capture.node;
          break;
        case 'def':
          defNode = capture.node;
          defKind = role.kind;
          break;
        case 'scope':
          scopeNode = capture.node;
          break;
        case 'scope-name':
          scopeName = capture.node.text;
          break;
        case 'ref':
          addRef(this.#refs, pattern, capture.node, role.kind);
          break;
        case 'import':
          this.#imports.add(cleanSpecifier(capture.node.text));
          break;
        case 'helper':
          break;
      }
    }
    if (nameNode !== undefined && defNode !== undefined && defKind !== undefined) {
      this.#addDef(pattern, nameNode, defNode, defKind, scopeName);
    } else if (scopeNode !== undefined && scopeName !== null) {
      const { startIndex: start, endIndex: end } = scopeNode;
      this.#scopes.push({ pattern, name: scopeName, start, end, nameStart: -1, def: null, scopeName: null });
    }
  }

  /** The tags in source order. */
  finish(): ExtractedTags {
    const defs = resolveNesting([...this.#containers.values(), ...this.#scopes]);
    const refs: RefTag[] = [];
    for (const [start, ref] of [...this.#refs].sort((a, b) => a[0] - b[0])) {
      if (this.#containers.has(start)) continue;
      if (ref.tag.kind === 'type' && this.#grammar.builtinTypes.has(ref.tag.name)) continue;
      refs.push(ref.tag);
    }
    return { defs, refs, imports: [...this.#imports] };
  }

  #addDef(pattern: number, nameNode: Node, defNode: Node, kind: DefKind, scopeName: string | null): void {
    const nameStart = nameNode.startIndex;
    const seen = this.#containers.get(nameStart);
    if (seen !== undefined && seen.pattern <= pattern) return;
    const name = unquote(nameNode.text);
    if (name === '') return;
    const { row, column } = nameNode.startPosition;
    const def: DefTag = {
      name,
      kind,
      line: row + 1,
      column,
      endLine: endLine(defNode),
      enclosing: '',
      signature: lineAt(this.#source, nameStart),
    };
    const { startIndex: start, endIndex: end } = defNode;
    this.#containers.set(nameStart, { pattern, name, start, end, nameStart, def, scopeName });
  }
}

function addRef(refs: Map<number, RefCandidate>, pattern: number, node: Node, kind: RefKind): void {
  const start = node.startIndex;
  const seen = refs.get(start);
  if (seen !== undefined && seen.pattern <= pattern) return;
  const { row, column } = node.startPosition;
  refs.set(start, { pattern, start, tag: { name: node.text, kind, line: row + 1, column } });
}

/**
 * Sets each definition's `enclosing` from the innermost container around it (or from its own
 * `@scope.name`), drops locals, and returns the definitions in source order.
 */
function resolveNesting(items: Container[]): DefTag[] {
  items.sort((a, b) => a.start - b.start || b.end - a.end || a.nameStart - b.nameStart);
  const stack: Container[] = [];
  const out: DefTag[] = [];
  for (const item of items) {
    while (stack.length > 0 && !contains(stack[stack.length - 1]!, item)) stack.pop();
    const { parent, owner } = around(stack, item);
    stack.push(item);
    const def = item.def;
    if (def === null) continue;
    if (localKinds.has(def.kind) && owner !== undefined && functionKinds.has(owner.kind)) continue;
    def.enclosing = item.scopeName ?? parent?.name ?? '';
    out.push(def);
  }
  return out;
}

function contains(outer: Container, inner: Container): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/**
 * The innermost container and the innermost definition around `item` on the stack. Two
 * definitions can share one node (`var a, b int`): they are siblings, not nested.
 */
function around(stack: readonly Container[], item: Container): { parent?: Container; owner?: DefTag } {
  let parent: Container | undefined;
  for (let i = stack.length - 1; i >= 0; i--) {
    const c = stack[i]!;
    if (c.start === item.start && c.end === item.end) continue;
    parent ??= c;
    if (c.def !== null) return { parent, owner: c.def };
  }
  return parent === undefined ? {} : { parent };
}

/** Last line of a node, 1-based; a node ending with its newline (`#define`) ends on the line before. */
function endLine(node: Node): number {
  const { row, column } = node.endPosition;
  return column === 0 && row > node.startPosition.row ? row : row + 1;
}

/**
 * The source line around `index`, trimmed. A line longer than the cap (minified code) is cut to
 * a window that starts shortly before `index`, so the name stays in it.
 */
function lineAt(source: string, index: number): string {
  let from = source.lastIndexOf('\n', index - 1) + 1;
  let to = source.indexOf('\n', index);
  if (to < 0) to = source.length;
  if (to - from > kSignatureMaxChars * 2) {
    from = Math.max(from, index - 40);
    to = Math.min(to, from + kSignatureMaxChars * 2);
  }
  const line = source.slice(from, to).trim();
  return line.length > kSignatureMaxChars ? line.slice(0, kSignatureMaxChars) : line;
}

function unquote(text: string): string {
  const first = text.charCodeAt(0);
  if ((first === 0x22 || first === 0x27 || first === 0x60) && text.length >= 2) return text.slice(1, -1);
  return text;
}

/** A module specifier without quotes or angle brackets, whitespace runs collapsed (Rust `use` lists). */
function cleanSpecifier(text: string): string {
  const first = text.charCodeAt(0);
  const quoted = first === 0x22 || first === 0x27 || first === 0x60 || first === 0x3c;
  const inner = quoted && text.length >= 2 ? text.slice(1, -1) : text;
  return inner.includes('\n') || inner.includes('  ') ? inner.replace(/\s+/g, ' ') : inner;
}
