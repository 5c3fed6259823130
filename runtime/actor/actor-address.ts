/** An actor's address, `"kind/key"`: the kind names the module, the key the instance. */
export type ActorAddress = string;

/**
 * Builds an address.
 * @throws TypeError when the kind is empty or contains "/"
 */
export function actorAddress(kind: string, key: string): ActorAddress {
  if (kind.length === 0 || kind.includes('/')) {
    throw new TypeError(`Cannot address an actor: a kind is non-empty and has no "/": current value is "${kind}"`);
  }
  return `${kind}/${key}`;
}

/**
 * Splits an address into kind and key.
 * @throws TypeError when there is no "/" or the kind is empty
 */
export function parseActorAddress(address: string): { kind: string; key: string } {
  const slash = address.indexOf('/');
  if (slash <= 0) throw new TypeError(`Cannot parse actor address: expected "kind/key": current value is "${address}"`);
  return { kind: address.slice(0, slash), key: address.slice(slash + 1) };
}
