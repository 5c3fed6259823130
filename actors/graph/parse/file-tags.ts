import type { ErrorCode } from '../../../protocol/index.js';
import type { LanguageId } from './detect-language.js';

/**
 * What the parser extracts from one file: plain data that crosses threads by structured clone
 * (or msgpack) unchanged. Arrays of small objects are fine at this per-file layer; the partition
 * index packs them into typed arrays.
 *
 * Positions: `line` is 1-based, `column` is 0-based and counts UTF-16 code units (a JavaScript
 * string index into the line), as the Language Server Protocol does.
 */

/** Kinds of definitions, close to universal-ctags' kind names. */
export const defKinds = [
  'function',
  'method',
  'class',
  'interface',
  'type',
  'enum',
  'enumerator',
  'struct',
  'union',
  'trait',
  'module',
  'constant',
  'variable',
  'field',
  'macro',
  'prototype',
] as const;

/** A kind of definition. */
export type DefKind = (typeof defKinds)[number];

/** Kinds of references. */
export const refKinds = ['call', 'member-call', 'new', 'type', 'extends', 'implements', 'macro'] as const;

/** A kind of reference. */
export type RefKind = (typeof refKinds)[number];

/** One definition. */
export interface DefTag {
  name: string;
  kind: DefKind;
  /** Line of the defined name, 1-based. */
  line: number;
  /** Column of the defined name, 0-based (UTF-16 units). */
  column: number;
  /** Last line of the whole definition (its body included), 1-based. */
  endLine: number;
  /** Name of the innermost definition (or impl/receiver type) around this one; '' at top level. */
  enclosing: string;
  /** The source line of the name, trimmed, at most {@link kSignatureMaxChars} characters. */
  signature: string;
}

/** One reference to a name. */
export interface RefTag {
  name: string;
  kind: RefKind;
  line: number;
  column: number;
}

/** A coded problem reported as data (never thrown across threads). */
export interface GraphProblem {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** The tags of one file. */
export interface FileTags {
  /** The path as the caller named it (relative to the scan root in a pool batch). */
  path: string;
  /** The language parsed, or `null` for a file indexed as text only. */
  language: LanguageId | null;
  /** Size of the file in bytes (UTF-8), 0 when it could not be read. */
  bytes: number;
  defs: DefTag[];
  refs: RefTag[];
  /** Module specifiers as written: `./util.js`, `os.path`, `fmt`, `std::io`, `stdio.h`. */
  imports: string[];
  /**
   * The text the tags were extracted from, when asked for (`withContent`), so a full-text
   * index sees exactly the bytes the parser saw. Absent when the file could not be read.
   */
  content?: string;
  /** Hash of the bytes read (see `contentHash`), when the file could be read as text. */
  hash?: string;
  /** Modification time of the file when it was read. */
  mtimeMs?: number;
  /** The file still had the hash the caller knew: not parsed, tags and content left empty. */
  unchanged?: true;
  /**
   * Set when the file was not (fully) parsed. `ERR_GRAPH_SYNTAX_ERROR` keeps every tag that
   * could be extracted; the other codes come with empty tags.
   */
  error?: GraphProblem;
}

/** Longest signature kept, in characters. */
export const kSignatureMaxChars = 200;
