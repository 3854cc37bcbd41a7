import { describe, expect, it } from 'vitest';
import { joinSources, splitSources } from './cited';

const row = 'src:sheet:abb70d2f#工行流水.csv!1234';

describe('a link’s first citation stored split', () => {
  it('splits a row citation into the part before the row number and the number, the rest kept', () => {
    expect(splitSources([row, 'src:bundle:7'])).toEqual({ citedIn: 'src:sheet:abb70d2f#工行流水.csv!', citedRow: 1234, sources: ['src:bundle:7'] });
  });

  it('leaves whole a citation that ends in no number, in a number with a leading zero, or in more digits than a double holds', () => {
    for (const first of ['src:case-a', 'src:case-007', `src:x#S!${'9'.repeat(16)}`, '12', '']) {
      expect(splitSources([first])).toEqual({ citedIn: null, citedRow: null, sources: [first] });
    }
    expect(splitSources([])).toEqual({ citedIn: null, citedRow: null, sources: [] });
  });

  it('splits a row 0 and a row number of 15 digits', () => {
    expect(splitSources(['src:x#S!0'])).toEqual({ citedIn: 'src:x#S!', citedRow: 0, sources: [] });
    expect(splitSources([`src:x#S!${'9'.repeat(15)}`])).toEqual({ citedIn: 'src:x#S!', citedRow: 999_999_999_999_999, sources: [] });
  });

  it('joins back exactly what it split', () => {
    for (const sources of [[row], [row, 'src:b'], ['src:x#S!0'], ['src:case-007', row], ['12'], []]) {
      const { citedIn, citedRow, sources: rest } = splitSources(sources);
      expect(joinSources(citedIn, citedRow, rest)).toEqual(sources);
    }
  });
});
