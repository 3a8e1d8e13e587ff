import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, sha256Hex } from '../../src/scenario/hash.js';

const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('sha256Hex matches the FIPS 180-4 example vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(
      sha256Hex('abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu'),
    ).toBe('cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1');
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('sha256Hex matches node:crypto at every length across the padding boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'x'.repeat(n);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it('sha256Hex matches node:crypto on random strings, including non-ASCII and lone surrogates', () => {
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u));
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 100 }),
      fc.string({ unit: codeUnit, maxLength: 300 }),
    );
    fc.assert(
      fc.property(text, (s) => {
        expect(sha256Hex(s)).toBe(nodeSha256(s));
      }),
      { numRuns: 400 },
    );
    expect(sha256Hex('héllo wörld — 日本語 🎲')).toBe(nodeSha256('héllo wörld — 日本語 🎲'));
    expect(sha256Hex('\ud800')).toBe(nodeSha256('\ufffd'));
  });
});

describe('canonicalJson', () => {
  it('canonicalJson sorts keys recursively and drops undefined properties', () => {
    expect(canonicalJson({ b: [1, { d: 2, c: undefined }], a: 'x' })).toBe('{"a":"x","b":[1,{"d":2}]}');
    expect(canonicalJson({ z: { y: 1, x: { w: null, v: true } }, '': 0 })).toBe('{"":0,"z":{"x":{"v":true,"w":null},"y":1}}');
  });

  it('canonicalJson prints scalars as JSON.stringify does', () => {
    expect(canonicalJson([0.1, -0, 1e21, 1e-7, NaN, Infinity, -Infinity])).toBe('[0.1,0,1e+21,1e-7,null,null,null]');
    expect(canonicalJson('a"b\\\n\u2028\ud800')).toBe(JSON.stringify('a"b\\\n\u2028\ud800'));
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson(false)).toBe('false');
  });

  it('canonicalJson turns unrepresentable array items into null and honours toJSON', () => {
    expect(canonicalJson([undefined, () => 1, Symbol('s')])).toBe('[null,null,null]');
    expect(canonicalJson({ when: new Date(Date.UTC(2020, 0, 2)) })).toBe('{"when":"2020-01-02T00:00:00.000Z"}');
    expect(canonicalJson({ n: new Number(3), s: new String('t'), b: new Boolean(false) })).toBe('{"b":false,"n":3,"s":"t"}');
  });

  it('canonicalJson does not depend on key insertion order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(object));
      }),
    );
  });

  it('canonicalJson parses back to what JSON.stringify gives, and is a fixed point', () => {
    fc.assert(
      fc.property(fc.anything({ withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }), (value) => {
        fc.pre(value !== undefined);
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('canonicalJson does not modify its input', () => {
    const value = { b: [3, 1, 2], a: { d: 1, c: 2 } };
    canonicalJson(value);
    expect(Object.keys(value)).toEqual(['b', 'a']);
    expect(value.b).toEqual([3, 1, 2]);
  });

  it('canonicalJson rejects cycles, bigints and top-level values JSON cannot represent', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson(() => 1)).toThrow(TypeError);
    const shared = { x: 1 };
    expect(canonicalJson([shared, shared])).toBe('[{"x":1},{"x":1}]'); // repeated, not cyclic
  });
});
