/**
 * File changes in the `daemon` scenario: a file is saved or deleted on disk and nothing else is
 * done — the daemon's watcher must see it, the graph apply it, and the `graph` event topic report
 * it; the command then waits for that event for the path (bounded) and asks `sync`, so the next
 * queries must see the change. A save of unchanged bytes is skipped by the graph (no event) and
 * is not waited for. `edit while stopped` changes a file while the daemon is down: the restarted
 * daemon must catch up on it (warm start from its store).
 *
 * @module
 */

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DaemonClient } from '../client/daemon-client.js';
import { DaemonCommand, type DaemonReal } from './daemon-commands.js';
import { describeSource, graphSource, writeSource, type GeneratedSource, type GraphModel } from './graph-model.js';

/** Resolves waiters as the daemon reports files re-indexed or removed (the `graph` topic). */
export class ChangeWaiter {
  readonly #waiting = new Map<string, (() => void)[]>();

  /** Subscribes `client` to the `graph` topic and listens to it. */
  async attach(client: DaemonClient): Promise<void> {
    client.onEvent((topic, data) => {
      if (topic !== 'graph') return;
      const e = data as { type?: string; indexed?: string[]; removed?: string[] };
      if (e.type !== 'files.changed') return;
      for (const path of [...(e.indexed ?? []), ...(e.removed ?? [])]) {
        const list = this.#waiting.get(path);
        this.#waiting.delete(path);
        for (const done of list ?? []) done();
      }
    });
    await client.subscribe(['graph']);
  }

  /** A promise for the next event that names `path` (register it before changing the file). */
  next(path: string): Promise<void> {
    return new Promise((resolve) => {
      const list = this.#waiting.get(path) ?? [];
      list.push(resolve);
      this.#waiting.set(path, list);
    });
  }
}

/** Saves a generated file (created or modified) and waits until the daemon reports it. */
export class SaveFile extends DaemonCommand {
  readonly path: string;
  readonly source: GeneratedSource;
  #existed = false;
  constructor(path: string, source: GeneratedSource) {
    super();
    this.path = path;
    this.source = source;
  }
  protected async apply(m: GraphModel, r: DaemonReal): Promise<void> {
    this.#existed = m.files.has(this.path);
    const same = m.files.get(this.path) === graphSource(this.path, this.source);
    const seen = r.changes.next(this.path);
    m.files.set(this.path, await writeSource(r.root, this.path, this.source));
    if (!same) await seen;
    await r.client.sync();
  }
  toString(): string {
    return `save ${this.path} ${describeSource(this.source)}${this.#existed ? ' (modified)' : ''}`;
  }
}

/** Deletes the i-th file of the model (by path order) and waits until the daemon reports it. */
export class RemoveFile extends DaemonCommand {
  readonly pick: number;
  #path = '';
  constructor(pick: number) {
    super();
    this.pick = pick;
  }
  protected async apply(m: GraphModel, r: DaemonReal): Promise<void> {
    const paths = [...m.files.keys()].sort();
    if (paths.length === 0) return;
    this.#path = paths[this.pick % paths.length]!;
    const seen = r.changes.next(this.#path);
    await rm(join(r.root, this.#path));
    m.files.delete(this.#path);
    await seen;
    await r.client.sync();
  }
  toString(): string {
    return `delete ${this.#path || `file #${this.pick}`}`;
  }
}

/** Stops the daemon, saves a file while it is down, starts it again and waits for its catch-up. */
export class EditWhileStopped extends DaemonCommand {
  readonly path: string;
  readonly source: GeneratedSource;
  constructor(path: string, source: GeneratedSource) {
    super();
    this.path = path;
    this.source = source;
  }
  protected async apply(m: GraphModel, r: DaemonReal): Promise<void> {
    await r.client.shutdown();
    await r.daemon.exited;
    await r.client.close();
    m.files.set(this.path, await writeSource(r.root, this.path, this.source));
    r.daemon = await r.restart();
    r.client = await DaemonClient.connect({ socketPath: r.daemon.socket });
    await r.changes.attach(r.client);
    await r.client.sync(); // the warm start's catch-up
  }
  toString(): string {
    return `edit ${this.path} ${describeSource(this.source)} while the daemon is stopped, then start it`;
  }
}
