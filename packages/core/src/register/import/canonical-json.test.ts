import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('compares objects whatever the order of their keys', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: undefined } })).toBe(canonicalJson({ b: { c: 2 }, a: 1 }));
    expect(canonicalJson({ b: 1, a: { d: undefined, c: 2 } })).toBe('{"a":{"c":2},"b":1}');
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
});
