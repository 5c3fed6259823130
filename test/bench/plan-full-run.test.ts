import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseBenchArgs } from '../../bench/bench-args.js';
import { orderBenchNames, planFullRun } from '../../bench/all/plan-full-run.js';
import { benchCommand, benchOptionArgs } from '../../bench/all/saved-result.js';

const registered = ['transport', 'runtime', 'graph', 'daemon', 'live', 'graph-agreement', 'scale', 'extra'];

describe('parseBenchArgs() for a full run', () => {
  it('reads all, --quick and --only in both spellings', () => {
    const a = parseBenchArgs(['all', '--quick', '--only', 'graph, transport']);
    assert.equal(a.name, 'all');
    assert.equal(a.quick, true);
    assert.deepEqual(a.only, ['graph', 'transport']);
    assert.deepEqual(parseBenchArgs(['--only=live']).only, ['live']);
    assert.equal(parseBenchArgs([]).name, undefined);
  });

  it('reads the hidden --save and rejects a flag without its value', () => {
    assert.equal(parseBenchArgs(['graph', '--save', 'bench/results/graph.json']).save, 'bench/results/graph.json');
    assert.throws(() => parseBenchArgs(['all', '--only']), { name: 'TypeError', message: 'Bench option "--only" needs a value: current value is empty' });
    assert.throws(() => parseBenchArgs(['graph', '--save=']), /"--save" needs a value/);
  });

  it('reads --sizes as sorted distinct eighths and rejects any other size', () => {
    assert.deepEqual(parseBenchArgs(['scale', '--sizes', '4, 1,1']).sizes, [1, 4]);
    assert.equal(parseBenchArgs(['scale']).sizes, undefined);
    for (const bad of ['0', '9', '1.5', '1,,2', 'all']) {
      assert.throws(() => parseBenchArgs(['scale', `--sizes=${bad}`]), { name: 'RangeError', message: `Bench option "--sizes" takes sizes in eighths of the tree, whole numbers from 1 to 8: current value is "${bad}"` });
    }
  });

  it('rejects an unknown flag', () => {
    assert.throws(() => parseBenchArgs(['all', '--fast']), { name: 'TypeError', message: /^Unknown bench option "--fast"/ });
  });
});

describe('planFullRun()', () => {
  it('runs every registered benchmark in the fixed order, unknown ones last', () => {
    const plan = planFullRun(parseBenchArgs([]), registered);
    assert.deepEqual(plan.names, ['transport', 'runtime', 'graph', 'graph-agreement', 'live', 'daemon', 'scale', 'extra']);
    assert.equal(plan.quick, false);
  });

  it('skips names of the fixed order that are not registered', () => {
    assert.deepEqual(orderBenchNames(['daemon', 'transport']), ['transport', 'daemon']);
  });

  it('limits the run to --only, still in the fixed order, and passes --quick, --root and --memory-budget on', () => {
    const plan = planFullRun(parseBenchArgs(['all', '--quick', '--only', 'live,transport', '--root', '/r', '--memory-budget', '512']), registered);
    assert.deepEqual(plan, { names: ['transport', 'live'], quick: true, root: '/r', memoryBudgetMb: 512 });
    assert.deepEqual(benchOptionArgs(plan), ['--quick', '--root', '/r', '--memory-budget', '512']);
    assert.equal(benchCommand('scale', plan), 'npm run -s bench -- scale --json --quick --root /r --memory-budget 512');
  });

  it('rejects an unknown name in --only, naming it and the choices', () => {
    assert.throws(() => planFullRun(parseBenchArgs(['all', '--only', 'graph,grpah']), registered), {
      name: 'TypeError',
      message: `Unknown benchmark "grpah" in --only: expected one of ${registered.join(', ')}`,
    });
  });

  it('rejects an --only that names nothing', () => {
    assert.throws(() => planFullRun(parseBenchArgs(['all', '--only', ',']), registered), /--only needs at least one benchmark name/);
  });
});

describe('parseBenchArgs() --memory-budget', () => {
  it('reads a whole number of MB and rejects anything else', () => {
    assert.equal(parseBenchArgs(['scale', '--memory-budget', '512']).memoryBudgetMb, 512);
    assert.equal(parseBenchArgs(['scale']).memoryBudgetMb, undefined);
    assert.throws(() => parseBenchArgs(['scale', '--memory-budget=1.5']), {
      name: 'RangeError',
      message: 'Bench option "--memory-budget" must be a positive whole number: current value is "1.5"',
    });
  });
});
