/**
 * How the graph layer talks to partition actors through the supervisor: queries as read-only,
 * idempotent asks (not journaled, retried if a worker dies), updates as journaled asks retried
 * only after `ERR_WORKER_CRASHED` (the runtime guarantees such an ask was not applied). Every
 * reply's version is recorded in the router.
 *
 * @module
 */

import { isTesseraError } from '../../protocol/index.js';
import type { Supervisor } from '../../runtime/index.js';
import type { GraphRouter } from './graph-router.js';
import type { PartitionQueryArgs, PartitionQueryOp, PartitionQueryReplies, PartitionReply, RemoveMessage, UpsertMessage } from './partition/index.js';

/** Attempts of one update when workers keep crashing under it. */
const kUpdateAttempts = 3;

/** Sends queries and updates to partitions. */
export class PartitionClient {
  readonly #supervisor: Supervisor;
  readonly #router: GraphRouter;

  constructor(supervisor: Supervisor, router: GraphRouter) {
    this.#supervisor = supervisor;
    this.#router = router;
  }

  /**
   * Asks a partition a read-only query.
   * @returns the reply with the version it was computed at
   * @throws the runtime's coded errors (ERR_ASK_TIMEOUT, ERR_SUPERVISOR_STOPPED, …)
   */
  async query<Op extends PartitionQueryOp>(id: number, op: Op, args: PartitionQueryArgs[Op]): Promise<PartitionReply<PartitionQueryReplies[Op]>> {
    const message = { type: 'query', op, args };
    const reply = (await this.#supervisor.ask(this.#router.address(id), message, { readOnly: true, idempotent: true })) as PartitionReply<PartitionQueryReplies[Op]>;
    this.#router.observe(id, reply.version);
    return reply;
  }

  /**
   * Applies an update and waits until the partition has it.
   * @returns the partition's version after it
   */
  async update(id: number, message: UpsertMessage | RemoveMessage): Promise<number> {
    for (let attempt = 1; ; attempt++) {
      try {
        const reply = (await this.#supervisor.ask(this.#router.address(id), message)) as PartitionReply<unknown>;
        this.#router.observe(id, reply.version);
        return reply.version;
      } catch (err) {
        if (!isTesseraError(err, 'ERR_WORKER_CRASHED') || attempt === kUpdateAttempts) throw err;
      }
    }
  }
}
