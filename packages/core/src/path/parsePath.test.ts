import { describe, expect, test } from 'vitest'
import { formatPath } from './formatPath.js'
import { hardenedOffset, parsePath } from './parsePath.js'
import { bip44, ledgerLive, legacy } from './schemes.js'

describe('parsePath', () => {
  test.each([
    ["m/44'/60'/0'/0/0", [44 + hardenedOffset, 60 + hardenedOffset, hardenedOffset, 0, 0]],
    ["44'/60'/0'/0/0", [44 + hardenedOffset, 60 + hardenedOffset, hardenedOffset, 0, 0]],
    ['m/44h/60H/1h/2', [44 + hardenedOffset, 60 + hardenedOffset, 1 + hardenedOffset, 2]],
    ['m/2147483647', [2147483647]],
  ])('%s', (path, expected) => {
    expect(parsePath(path)).toEqual(expected)
  })

  test('accepts index arrays', () => {
    expect(formatPath([44 + hardenedOffset, 60 + hardenedOffset, 0])).toBe("m/44'/60'/0")
  })

  test.each([
    ['', 'the path has no levels'],
    ['m/', 'the path has no levels'],
    ["m/44'/60'/-1", 'level 2 "-1" is not a number optionally followed by \' or h'],
    ["m/44''/60'", "level 0 \"44''\" is not a number optionally followed by ' or h"],
    ['m/44/x', 'level 1 "x" is not a number optionally followed by \' or h'],
    ['m/2147483648', 'level 0 "2147483648" must be an integer in range 0..2**31-1'],
    ['m/1/2/3/4/5/6/7/8/9/10/11', 'the path has 11 levels; devices accept at most 10'],
    ['m//1', 'level 0 "" is not a number optionally followed by \' or h'],
    ["m/44'/0 ", 'level 1 "0 " is not a number optionally followed by \' or h'],
    [" m/44'", 'level 0 " m" is not a number optionally followed by \' or h'],
  ])('rejects %j: %s', (path, reason) => {
    expect(() => parsePath(path)).toThrowError(
      expect.objectContaining({ name: 'InvalidPathError', details: reason }),
    )
  })

  test('the error tells what to do', () => {
    expect(() => parsePath('m/a')).toThrowErrorMatchingInlineSnapshot(`
      [InvalidPathError: Invalid derivation path "m/a".

      Use a path like "m/44'/60'/0'/0/0" (hardened with ' or h).

      Details: level 0 "a" is not a number optionally followed by ' or h
      Version: @airlock/core@0.1.0]
    `)
  })

  test('rejects out-of-range array indices', () => {
    expect(() => parsePath([1, -1])).toThrowError(
      /index 1 must be an integer in range 0..2\*\*32-1, got -1/,
    )
    expect(() => parsePath([2 ** 32])).toThrowError(/got 4294967296/)
  })

  // Found by test/reliability/fuzz.test.ts: `[]` reached the device as a path of no levels.
  test('index arrays have the same level rules as strings', () => {
    expect(() => parsePath([])).toThrowError(
      expect.objectContaining({ name: 'InvalidPathError', details: 'the path has no levels' }),
    )
    expect(() => formatPath(Array.from({ length: 11 }, () => 0))).toThrowError(
      expect.objectContaining({ details: 'the path has 11 levels; devices accept at most 10' }),
    )
  })
})

describe('schemes', () => {
  test('presets', () => {
    expect(ledgerLive(3)).toBe("m/44'/60'/3'/0/0")
    expect(bip44(3)).toBe("m/44'/60'/0'/0/3")
    expect(legacy(3)).toBe("m/44'/60'/0'/3")
  })
  test('reject bad indices', () => {
    expect(() => bip44(-1)).toThrowError(/"index" expected integer in range 0..2\*\*31-1, got -1/)
    expect(() => ledgerLive(1.5)).toThrowError(/got 1.5/)
  })
})
