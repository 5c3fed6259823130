/**
 * The stress scenarios by name (`tessera stress --scenario NAME`).
 *
 * @module
 */

import { daemonScenario } from './daemon-scenario.js';
import { graphScenario } from './graph-scenario.js';
import { runtimeScenario } from './runtime-scenario.js';
import type { AnyStressScenario } from './stress-scenario.js';

/** Every scenario, in the order `--help` lists them. */
export const kScenarios: readonly AnyStressScenario[] = [runtimeScenario, graphScenario, daemonScenario];

/** The scenario named `name`, or undefined. */
export function findScenario(name: string): AnyStressScenario | undefined {
  return kScenarios.find((s) => s.name === name);
}
