import { describe, expect, it } from 'vitest';
import { inline, literal } from './literals';

describe('inline', () => {
  it('writes viewer and filter parameters in as literals and keeps the rest bound', () => {
    const { text, bound } = inline('MATCH (n {id: $id}) WHERE n.owners =~ $ownerPattern AND n.label IN $labels RETURN n', {
      id: "x' OR 1=1",
      ownerPattern: '.*[|](sh-psb|fj[.]psb)[|].*',
      labels: ['Case', 'Phone'],
    });
    expect(text).toBe("MATCH (n {id: $id}) WHERE n.owners =~ '.*[|](sh-psb|fj[.]psb)[|].*' AND n.label IN ['Case', 'Phone'] RETURN n");
    expect(bound).toEqual({ id: "x' OR 1=1" });
  });

  it('refuses any value that could leave its quotes', () => {
    expect(() => literal("sh' OR true //")).toThrow(`cannot write "sh' OR true //" into a query`);
    expect(() => literal('a\\b')).toThrow('cannot write');
    expect(() => literal(5)).toThrow('cannot write a number into a query');
  });
});
