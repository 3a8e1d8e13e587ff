import { describe, expect, it } from 'vitest';
import { parseExperimentsCsv } from '../../src/experiment/explore.js';

const expected = { names: ['a', 'b', 'event:comeback'], columns: { a: Float64Array.from([0.25, 1]), b: Float64Array.from([3, -2]), 'event:comeback': Float64Array.from([1, 0]) } };

describe('parseExperimentsCsv', () => {
  it('parseExperimentsCsv reads the same table as written by explore, Python’s csv module, R’s write.csv and Excel', () => {
    const variants: Record<string, string> = {
      explore: 'a,b,event:comeback\n0.25,3,1\n1,-2,0\n',
      // csv.writer: CRLF line ends; QUOTE_NONNUMERIC quotes the header; pandas writes True/False.
      python: '"a","b","event:comeback"\r\n0.25,3,True\r\n1.0,-2,False\r\n',
      // write.csv: quoted names, an unnamed row-name column, TRUE/FALSE, "1e+00"-style numbers.
      r: '"","a","b","event:comeback"\n"1",0.25,3,TRUE\n"2",1e+00,-2,FALSE\n',
      // Excel "CSV UTF-8": a byte-order mark, CRLF, a blank last line.
      excel: '\uFEFFa,b,event:comeback\r\n0.25,3,1\r\n1,-2,0\r\n\r\n',
      // RFC 4180 quoting of values, including "" inside quotes in a header.
      quoted: 'a,"b",event:comeback\n"0.25","3","1"\n1,"-2",0\n',
    };
    for (const [name, text] of Object.entries(variants)) expect(parseExperimentsCsv(text, name), name).toEqual(expected);
    expect(parseExperimentsCsv('"x, with ""comma""",y\n1,2\n').names).toEqual(['x, with "comma"', 'y']);
  });

  it('parseExperimentsCsv names the line and column of a bad value, and a short row', () => {
    expect(() => parseExperimentsCsv('a,b\n1,x\n', 'e.csv')).toThrow('e.csv: line 2, column b: "x" is not a number');
    expect(() => parseExperimentsCsv('"","a"\n"1",NA\n', 'r.csv')).toThrow('r.csv: line 2, column a: "NA" is not a number');
    expect(() => parseExperimentsCsv('a,b\n1,2\n3\n', 'e.csv')).toThrow('e.csv: line 3 has 1 values (expected 2, as the header)');
    expect(() => parseExperimentsCsv('a,b\n', 'e.csv')).toThrow('e.csv: expected a header and at least one row');
  });
});
