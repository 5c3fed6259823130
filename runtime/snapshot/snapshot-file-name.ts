/**
 * File names for snapshots, derived from actor addresses (which may hold `/`, `..`, NUL, any
 * Unicode). Two forms:
 *
 * - escaped, `<escaped>.snap`: `[a-z0-9_-]` stay as they are and every other UTF-8 byte becomes
 *   `~HH` (upper-case hex), so `counter/Ab` is `counter~2F~41b.snap`. Reversible, and distinct
 *   addresses stay distinct even on case-insensitive file systems (letters outside escapes are
 *   always lower case, and `~` never appears unescaped);
 * - hashed, `<sha256 hex>.h.snap`, when the escaped form would exceed {@link kMaxEscapedLength}
 *   characters (file names are limited to 255 bytes). The address is then read back from the
 *   file's header.
 *
 * Escaped names never contain `.`, so the `.h.snap` suffix cannot be mistaken for one.
 */
import { createHash } from 'node:crypto';

/** Longest escaped stem used before falling back to a hash, well under the 255-byte limit. */
export const kMaxEscapedLength = 200;
const kEscapedSuffix = '.snap';
const kHashedSuffix = '.h.snap';
const kLiteral = /^[a-z0-9_-]$/;
const kLoneSurrogate = /\p{Cs}/u;

/** What a directory entry is, as far as the snapshot store cares. */
export type ParsedFileName =
  | { readonly form: 'escaped'; readonly address: string }
  | { readonly form: 'hashed' }
  | { readonly form: 'other' };

/**
 * The file name of an address's snapshot.
 * @throws RangeError when the address is empty or holds a lone surrogate (it would not survive
 *   UTF-8, so two addresses could share a file)
 * @example
 * snapshotFileName('kv/Big key'); // 'kv~2F~42ig~20key.snap'
 */
export function snapshotFileName(address: string): string {
  if (address.length === 0 || kLoneSurrogate.test(address)) {
    throw new RangeError(`Cannot name a snapshot file: the address must be non-empty, well-formed Unicode: current value is ${JSON.stringify(address)}`);
  }
  let stem = '';
  for (const byte of Buffer.from(address, 'utf8')) {
    const char = String.fromCharCode(byte);
    stem += kLiteral.test(char) ? char : `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    if (stem.length > kMaxEscapedLength) return hashedFileName(address);
  }
  return stem + kEscapedSuffix;
}

/** Classifies a directory entry: a snapshot with its address, a hashed snapshot, or something else. */
export function parseSnapshotFileName(name: string): ParsedFileName {
  if (name.endsWith(kHashedSuffix) && /^[0-9a-f]{64}$/.test(name.slice(0, -kHashedSuffix.length))) return { form: 'hashed' };
  if (!name.endsWith(kEscapedSuffix)) return { form: 'other' };
  const address = unescapeStem(name.slice(0, -kEscapedSuffix.length));
  return address === undefined ? { form: 'other' } : { form: 'escaped', address };
}

function hashedFileName(address: string): string {
  return createHash('sha256').update(address, 'utf8').digest('hex') + kHashedSuffix;
}

/** Inverts the escaping; `undefined` for a stem this module could not have produced. */
function unescapeStem(stem: string): string | undefined {
  const bytes: number[] = [];
  for (let i = 0; i < stem.length; i++) {
    const char = stem[i] as string;
    if (kLiteral.test(char)) {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    const hex = stem.slice(i + 1, i + 3);
    if (char !== '~' || !/^[0-9A-F]{2}$/.test(hex)) return undefined;
    bytes.push(Number.parseInt(hex, 16));
    i += 2;
  }
  const address = Buffer.from(bytes).toString('utf8');
  if (address.length === 0) return undefined;
  // Reject stems that are not the canonical escape of their address (invalid UTF-8, literals escaped).
  return snapshotFileName(address) === stem + kEscapedSuffix ? address : undefined;
}
