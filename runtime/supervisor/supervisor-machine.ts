import { assign, setup } from 'xstate';
import { pressureLevel, type PressureLevel } from './pressure.js';

/** Events the supervisor's lifecycle machine takes. */
export type SupervisorEvent =
  | { type: 'workers.ready' }
  | { type: 'workers.failed'; reason: string }
  | { type: 'memory.report'; usedBytes: number; budgetBytes: number }
  | { type: 'stop' }
  | { type: 'stopped' };

/** The machine's context: the last memory figures it saw. */
export interface SupervisorContext {
  usedBytes: number;
  budgetBytes: number;
  failure: string | null;
}

const levelIs =
  (level: PressureLevel) =>
  ({ event }: { event: SupervisorEvent }): boolean =>
    event.type === 'memory.report' && pressureLevel(event.usedBytes, event.budgetBytes) === level;

/**
 * The supervisor as an XState machine: its lifecycle (starting → running → stopping → stopped,
 * or failed when workers cannot be kept alive) and, while running, the memory pressure level.
 * Entering `warning` or `critical` runs the `evict` action; `memory.report` events re-evaluate
 * the level. The data plane (routing, asks) lives in SupervisorCore and only applies decisions.
 *
 * Actions are declared here and provided by the core (`machine.provide`), so the machine
 * itself is pure and its transitions can be tested without threads.
 */
export const supervisorMachine = setup({
  types: { context: {} as SupervisorContext, events: {} as SupervisorEvent },
  actions: {
    evict: () => {},
    pressureChanged: (_, _params: { level: PressureLevel }) => {},
    recordMemory: assign(({ event }) =>
      event.type === 'memory.report' ? { usedBytes: event.usedBytes, budgetBytes: event.budgetBytes } : {},
    ),
  },
  guards: { isNormal: levelIs('normal'), isWarning: levelIs('warning'), isCritical: levelIs('critical') },
}).createMachine({
  id: 'supervisor',
  initial: 'starting',
  context: { usedBytes: 0, budgetBytes: 0, failure: null },
  states: {
    starting: {
      on: {
        'workers.ready': 'running',
        'workers.failed': { target: 'failed', actions: assign({ failure: ({ event }) => event.reason }) },
        stop: 'stopping',
      },
    },
    running: {
      on: {
        stop: 'stopping',
        'workers.failed': { target: 'failed', actions: assign({ failure: ({ event }) => event.reason }) },
      },
      initial: 'normal',
      states: {
        normal: {
          entry: { type: 'pressureChanged', params: { level: 'normal' } },
          on: {
            'memory.report': [
              { guard: 'isCritical', target: 'critical', actions: 'recordMemory' },
              { guard: 'isWarning', target: 'warning', actions: 'recordMemory' },
              { actions: 'recordMemory' },
            ],
          },
        },
        warning: {
          entry: [{ type: 'pressureChanged', params: { level: 'warning' } }, 'evict'],
          on: {
            'memory.report': [
              { guard: 'isCritical', target: 'critical', actions: 'recordMemory' },
              { guard: 'isNormal', target: 'normal', actions: 'recordMemory' },
              { actions: ['recordMemory', 'evict'] },
            ],
          },
        },
        critical: {
          entry: [{ type: 'pressureChanged', params: { level: 'critical' } }, 'evict'],
          on: {
            'memory.report': [
              { guard: 'isNormal', target: 'normal', actions: 'recordMemory' },
              { guard: 'isWarning', target: 'warning', actions: 'recordMemory' },
              { actions: ['recordMemory', 'evict'] },
            ],
          },
        },
      },
    },
    stopping: { on: { stopped: 'stopped' } },
    stopped: { type: 'final' },
    failed: { on: { stop: 'stopping' } },
  },
});
