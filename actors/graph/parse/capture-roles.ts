import { tesseraError } from '../../../protocol/index.js';
import { defKinds, refKinds, type DefKind, type RefKind } from './file-tags.js';

/** What a query capture means to the tags extractor. */
export type CaptureRole =
  | { readonly role: 'name' }
  | { readonly role: 'def'; readonly kind: DefKind }
  | { readonly role: 'ref'; readonly kind: RefKind }
  | { readonly role: 'scope' }
  | { readonly role: 'scope-name' }
  | { readonly role: 'import' }
  | { readonly role: 'helper' };

/**
 * Reads the capture names of a tags query (`name`, `def.KIND`, `ref.KIND`, `scope`,
 * `scope.name`, `import`, `_helper`) into roles, once per query.
 * @param language - for the error message
 * @param captureNames - `query.captureNames`
 * @returns the role of each capture name
 * @throws ERR_GRAPH_QUERY_INVALID for a capture name or kind the extractor does not know
 */
export function captureRoles(language: string, captureNames: readonly string[]): ReadonlyMap<string, CaptureRole> {
  const roles = new Map<string, CaptureRole>();
  for (const name of captureNames) roles.set(name, roleOf(language, name));
  return roles;
}

function roleOf(language: string, name: string): CaptureRole {
  if (name === 'name') return { role: 'name' };
  if (name === 'scope') return { role: 'scope' };
  if (name === 'scope.name') return { role: 'scope-name' };
  if (name === 'import') return { role: 'import' };
  if (name.startsWith('_')) return { role: 'helper' };
  const kind = name.slice(4);
  if (name.startsWith('def.') && (defKinds as readonly string[]).includes(kind)) {
    return { role: 'def', kind: kind as DefKind };
  }
  if (name.startsWith('ref.') && (refKinds as readonly string[]).includes(kind)) {
    return { role: 'ref', kind: kind as RefKind };
  }
  throw tesseraError('ERR_GRAPH_QUERY_INVALID', { language, reason: `unknown capture "@${name}"` });
}
