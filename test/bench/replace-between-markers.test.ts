import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { replaceBetweenMarkers } from '../../bench/all/replace-between-markers.js';

const START = '<!-- s -->';
const END = '<!-- e -->';
const doc = `# Title\n\nIntro.\n\n${START}\nold body\nmore old\n${END}\n\n## History\n\nKept.\n`;

describe('replaceBetweenMarkers()', () => {
  it('replaces only what lies between the markers', () => {
    const out = replaceBetweenMarkers(doc, START, END, '## New\n\nbody\n');
    assert.equal(out, `# Title\n\nIntro.\n\n${START}\n## New\n\nbody\n${END}\n\n## History\n\nKept.\n`);
  });

  it('is idempotent', () => {
    const once = replaceBetweenMarkers(doc, START, END, 'body\n');
    assert.equal(replaceBetweenMarkers(once, START, END, 'body\n'), once);
    assert.equal(replaceBetweenMarkers(once, START, END, '\n\nbody'), once);
  });

  it('fills markers that are next to each other', () => {
    assert.equal(replaceBetweenMarkers(`a\n${START}${END}\nb`, START, END, 'x'), `a\n${START}\nx\n${END}\nb`);
  });

  it('throws a stable message when the start marker is missing', () => {
    assert.throws(() => replaceBetweenMarkers('no markers', START, END, 'x'), {
      name: 'Error',
      message: 'Cannot regenerate section: start marker "<!-- s -->" not found',
    });
  });

  it('throws when the end marker is missing or only comes before the start', () => {
    assert.throws(() => replaceBetweenMarkers(`${START}\nbody`, START, END, 'x'), {
      message: 'Cannot regenerate section: end marker "<!-- e -->" not found after "<!-- s -->"',
    });
    assert.throws(() => replaceBetweenMarkers(`${END}\n${START}`, START, END, 'x'), /end marker "<!-- e -->" not found/);
  });
});
