// Hostile values put into every parameter: SQL injection, path traversal, huge and odd numbers,
// Unicode edge cases. Each must be refused (4xx) or treated as plain data, never crash (5xx) or
// change anything.

export const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE trips; --",
  '1; SELECT pg_sleep(5)--',
  "x' UNION SELECT password_hash FROM users --",
  '%',
  '_',
  '\\',
];

export const TRAVERSALS = ['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '....//....//etc/passwd'];

export const NUMBERS = ['99999999999999999999', '-1', '1e308', 'NaN', 'Infinity', '0x7fffffff', '9223372036854775808', '-9223372036854775809'];

/** Raw (not yet URL-encoded) Unicode edge cases; `\u0000` is the one PostgreSQL text cannot hold. */
export const UNICODE = ['\u0000', 'a\u0000b', '\ud800', '\u202e\u0631tl', '😀'.repeat(50), 'A\u0301'.repeat(20), '\uFEFF', 'x'.repeat(5000)];

/** JSON bodies that are not what the route wants at all. */
export const MALFORMED_BODIES = ['{"a":', '{', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}'];

/** Values of the wrong JSON type, for a property of the given schema type. */
export function wrongTypeFor(type: string | undefined): unknown[] {
  switch (type) {
    case 'string':
      return [12345, true, { $gt: '' }, ['a']];
    case 'integer':
    case 'number':
      return ['12', 1e308 * 10 === Infinity ? 1.5e300 : 1e300, -1e20, 1.5, { $ne: 0 }];
    case 'boolean':
      return ['true', 1];
    case 'array':
      return ['x', { 0: 'a' }];
    case 'object':
      return ['x', [1, 2]];
    default:
      return [{ $where: 'sleep(1000)' }];
  }
}

/** Strings (JSON-encodable) put into string properties of a body. */
export const BODY_STRINGS = [...INJECTIONS.slice(0, 4), '\u0000', 'a\u0000b', '\ud800', '😀'.repeat(50), 'x'.repeat(100_000)];
