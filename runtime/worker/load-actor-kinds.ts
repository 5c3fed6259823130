import type { ActorKind } from '../actor/actor-kind.js';

/**
 * Imports every actor kind module. A module's default export (or its `kind` export) is the kind.
 * @throws TypeError naming the module when it exports no machine
 */
export async function loadActorKinds(modules: Record<string, string>): Promise<Map<string, ActorKind>> {
  const kinds = new Map<string, ActorKind>();
  for (const [name, url] of Object.entries(modules)) {
    const mod = (await import(url)) as { default?: ActorKind; kind?: ActorKind };
    const kind = mod.default ?? mod.kind;
    if (!kind || typeof kind !== 'object' || !('machine' in kind)) {
      throw new TypeError(`Actor kind module for "${name}" exports no kind with a machine: ${url}`);
    }
    kinds.set(name, kind);
  }
  return kinds;
}
