// Content hashing for scenarios: a canonical JSON text (so that key order and whitespace do
// not change the hash) and a dependency-free SHA-256 that runs in browsers and Node alike.

/**
 * JSON text with every object's keys sorted (by UTF-16 code units, as Array.prototype.sort
 * does), recursively, and no whitespace. Otherwise it follows JSON.stringify: numbers and
 * strings print as JSON.stringify prints them (so NaN and ±Infinity become null and −0 becomes
 * 0), toJSON() is honoured (Dates become ISO strings), properties whose value is undefined, a
 * function or a symbol are dropped, and such values inside arrays become null. Only own
 * enumerable string keys are visited. The input is not modified.
 *
 * Throws a TypeError for a cycle, a bigint, or a top-level value that JSON cannot represent
 * (undefined, a function, a symbol).
 *
 * Cost: O(size of the output + Σ k log k over objects with k keys). Reference: ECMA-404 / RFC 8259
 * for the JSON grammar; the key ordering matches RFC 8785 (JSON Canonicalization Scheme), though
 * numbers are printed by JSON.stringify rather than JCS's rules.
 *
 * @example
 * canonicalJson({ b: [1, { d: 2, c: undefined }], a: 'x' }); // '{"a":"x","b":[1,{"d":2}]}'
 */
export function canonicalJson(value: unknown): string {
  const text = write(value, '', new Set<object>());
  if (text === undefined) throw new TypeError('canonicalJson: value has no JSON representation');
  return text;
}

// Returns undefined for values that JSON.stringify omits (undefined, functions, symbols).
function write(value: unknown, key: string, ancestors: Set<object>): string | undefined {
  if (value !== null && (typeof value === 'object' || typeof value === 'bigint')) {
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, key);
  }
  // Boxed primitives print as their primitive, as in JSON.stringify.
  if (value instanceof Number || value instanceof String || value instanceof Boolean) value = value.valueOf();
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
    case 'bigint':
      throw new TypeError('canonicalJson: cannot serialize a bigint');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) throw new TypeError('canonicalJson: cyclic structure');
  ancestors.add(object);
  let text: string;
  if (Array.isArray(object)) {
    const parts: string[] = [];
    for (let i = 0; i < object.length; i++) parts.push(write(object[i], String(i), ancestors) ?? 'null');
    text = `[${parts.join(',')}]`;
  } else {
    const record = object as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(record).sort()) {
      const item = write(record[k], k, ancestors);
      if (item !== undefined) parts.push(`${JSON.stringify(k)}:${item}`);
    }
    text = `{${parts.join(',')}}`;
  }
  ancestors.delete(object);
  return text;
}

// First 32 bits of the fractional parts of the cube roots of the first 64 primes (FIPS 180-4 §4.2.2).
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/**
 * The SHA-256 digest of a string's UTF-8 bytes, as 64 lowercase hex digits. Encoding is by
 * TextEncoder, so a lone surrogate is encoded as U+FFFD (as Node's hash.update(string) does).
 * Pure TypeScript with no platform crypto, so it is synchronous in browsers too.
 *
 * Cost: O(n) for n UTF-8 bytes (64 rounds per 64-byte block), O(n) extra memory for the padded
 * message. Reference: NIST FIPS 180-4 (2015), Secure Hash Standard, §6.2.
 *
 * @example
 * sha256Hex('abc'); // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const length = bytes.length;
  // Padding: 0x80, zeros, then the bit length as a 64-bit big-endian integer, to a multiple of 64.
  const padded = new Uint8Array((((length + 8) >>> 6) + 1) << 6);
  padded.set(bytes);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000), false); // high bits of 8·length
  view.setUint32(padded.length - 4, (length << 3) >>> 0, false);

  let h0 = 0x6a09e667, h1 = 0xbb67ae85, h2 = 0x3c6ef372, h3 = 0xa54ff53a;
  let h4 = 0x510e527f, h5 = 0x9b05688c, h6 = 0x1f83d9ab, h7 = 0x5be0cd19;
  const w = new Uint32Array(64);
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let t = 0; t < 16; t++) w[t] = view.getUint32(offset + 4 * t, false);
    for (let t = 16; t < 64; t++) {
      const a = w[t - 15] as number;
      const b = w[t - 2] as number;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      w[t] = (w[t - 16] as number) + s0 + (w[t - 7] as number) + s1;
    }
    let a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7;
    for (let t = 0; t < 64; t++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const ch = (e & f) ^ (~e & g);
      const temp1 = (h + S1 + ch + (K[t] as number) + (w[t] as number)) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const temp2 = (S0 + maj) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + temp1) | 0;
      d = c;
      c = b;
      b = a;
      a = (temp1 + temp2) | 0;
    }
    h0 = (h0 + a) | 0; h1 = (h1 + b) | 0; h2 = (h2 + c) | 0; h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0; h5 = (h5 + f) | 0; h6 = (h6 + g) | 0; h7 = (h7 + h) | 0;
  }
  let hex = '';
  for (const word of [h0, h1, h2, h3, h4, h5, h6, h7]) hex += (word >>> 0).toString(16).padStart(8, '0');
  return hex;
}
