import { encodeAbiParameters, getAddress, type Hex, hexToBytes, parseAbiParameters } from 'viem'
import { describe, expect, test } from 'vitest'
import { encodeTestField, type TestField, type TestValue } from '../../pki/testDescriptors.js'
import { createTokenSlots, storeToken } from '../tokenSlots.js'
import { type FieldContext, formatField } from './field.js'

const contract = '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45'
const from = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'

function context(args: Hex, extra: Partial<FieldContext> = {}): FieldContext {
  return {
    args: hexToBytes(args),
    from: hexToBytes(from),
    to: hexToBytes(contract),
    amount: 1_500_000_000_000_000_000n,
    chainId: 1n,
    tokens: createTokenSlots(),
    enums: [],
    selector: hexToBytes('0x12345678'),
    ...extra,
  }
}

const word = (offset: number, family: TestValue['type_family'] = 'UINT', size = 32): TestValue => ({
  type: 'path',
  type_family: family,
  type_size: size,
  binary_path: {
    type: 'DATA',
    elements: [
      { type: 'TUPLE', offset },
      { type: 'LEAF', leaf_type: 'STATIC_LEAF' },
    ],
  },
})

const show = (field: TestField, args: Hex, extra: Partial<FieldContext> = {}) =>
  formatField(hexToBytes(encodeTestField(field)), context(args, extra)).map((s) => s.value)

describe('field formats of the generic parser', () => {
  test('durations as the app writes them', () => {
    const args = encodeAbiParameters(parseAbiParameters('uint256,uint256,uint256,uint256'), [
      0n,
      59n,
      3_600n + 61n,
      2n * 86_400n + 5n * 3_600n,
    ])
    const field = (offset: number): TestField => ({
      label: 'Lock',
      param: { type: 'DURATION', value: word(offset) },
    })
    expect([0, 1, 2, 3].map((i) => show(field(i), args)[0])).toEqual([
      '00s',
      '59s',
      '01h01m01s',
      '2d05h',
    ])
  })

  test('dates in UTC with a 12-hour clock, and "Unlimited" for all ones', () => {
    const args = encodeAbiParameters(parseAbiParameters('uint256,uint256,uint256'), [
      1_700_000_000n,
      1_699_920_000n,
      2n ** 256n - 1n,
    ])
    const field = (offset: number): TestField => ({
      label: 'Deadline',
      param: { type: 'DATETIME', value: word(offset) },
    })
    expect(show(field(0), args)).toEqual(['2023-11-14\n10:13:20 PM UTC'])
    expect(show(field(1), args)).toEqual(['2023-11-14\n12:00:00 AM UTC'])
    expect(show(field(2), args)).toEqual(['Unlimited'])
  })

  test('block heights as numbers', () => {
    const args = encodeAbiParameters(parseAbiParameters('uint256'), [19_000_000n])
    const field: TestField = {
      label: 'Until block',
      param: { type: 'DATETIME', value: word(0), encoding: 1 },
    }
    expect(show(field, args)).toEqual(['19000000'])
  })

  test('amounts in the network unit, from the transaction value', () => {
    const field: TestField = {
      label: 'Value',
      param: {
        type: 'AMOUNT',
        value: {
          type: 'path',
          type_family: 'UINT',
          binary_path: { type: 'CONTAINER', value: 'VALUE' },
        },
      },
    }
    expect(show(field, '0x')).toEqual(['1.5 ETH'])
    expect(show(field, '0x', { chainId: 137n })).toEqual(['1.5 POL'])
  })

  test('token amounts: known token, threshold message, native currency, unknown token', () => {
    const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
    const eth = '0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE'
    const args = encodeAbiParameters(parseAbiParameters('address,uint256,address,uint256'), [
      usdc,
      2n ** 256n - 1n,
      eth,
      10n ** 17n,
    ])
    const tokens = createTokenSlots()
    storeToken(tokens, { address: usdc, ticker: 'USDC', decimals: 6, chainId: 1n })
    const approval: TestField = {
      label: 'Allowance',
      param: {
        type: 'TOKEN_AMOUNT',
        value: word(1),
        token: word(0, 'ADDRESS', 20),
        threshold: 2n ** 255n,
        message: 'All',
      },
    }
    const native: TestField = {
      label: 'Send',
      param: {
        type: 'TOKEN_AMOUNT',
        value: word(3),
        token: word(2, 'ADDRESS', 20),
        nativeCurrency: [eth],
      },
    }
    const unknown: TestField = {
      label: 'Send',
      param: { type: 'TOKEN_AMOUNT', value: word(3), token: word(0, 'ADDRESS', 20) },
    }
    expect(show(approval, args, { tokens })).toEqual(['All USDC'])
    expect(show(native, args, { tokens })).toEqual(['0.1 ETH'])
    expect(show(unknown, args)).toEqual(['100000000000000000 ???'])
  })

  test('raw values by type family: address checksummed, bool, signed ints, bytes and strings', () => {
    const args = encodeAbiParameters(
      parseAbiParameters('address,bool,int256,int8,bytes,string,int8,int16'),
      [getAddress(contract), true, -42n, -1, '0xdeadbeef', 'hello', 5, -2],
    )
    const raw = (value: TestValue): TestField => ({ label: 'x', param: { type: 'RAW', value } })
    const dynamic = (offset: number, family: TestValue['type_family']): TestValue => ({
      type: 'path',
      type_family: family,
      binary_path: {
        type: 'DATA',
        elements: [
          { type: 'TUPLE', offset },
          { type: 'REF' },
          { type: 'LEAF', leaf_type: 'DYNAMIC_LEAF' },
        ],
      },
    })
    expect(show(raw(word(0, 'ADDRESS', 20)), args)).toEqual([contract])
    expect(show(raw(word(1, 'BOOL', 1)), args)).toEqual(['true'])
    expect(show(raw(word(2, 'INT', 32)), args)).toEqual(['-42'])
    // The app prints 8- and 16-bit ints through "%u" PRId8: unsigned, with a stray "d".
    expect(show(raw(word(3, 'INT', 1)), args)).toEqual(['4294967295d'])
    // ... and an 8-bit one from the first byte of its word: a positive value reads 0.
    expect(show(raw(word(6, 'INT', 1)), args)).toEqual(['0d'])
    expect(show(raw(word(7, 'INT', 2)), args)).toEqual(['4294967294d'])
    expect(show(raw(dynamic(4, 'BYTES')), args)).toEqual(['0xdeadbeef'])
    expect(show(raw(dynamic(5, 'STRING')), args)).toEqual(['hello'])
  })

  test('array bounds and slices: the last element, the first two bytes', () => {
    const args = encodeAbiParameters(parseAbiParameters('uint256[],bytes'), [
      [1n, 2n, 3n],
      '0xcafebabe',
    ])
    const last: TestValue = {
      type: 'path',
      type_family: 'UINT',
      binary_path: {
        type: 'DATA',
        elements: [
          { type: 'TUPLE', offset: 0 },
          { type: 'REF' },
          { type: 'ARRAY', weight: 1, start: -1 },
          { type: 'LEAF', leaf_type: 'STATIC_LEAF' },
        ],
      },
    }
    const head: TestValue = {
      type: 'path',
      type_family: 'BYTES',
      binary_path: {
        type: 'DATA',
        elements: [
          { type: 'TUPLE', offset: 1 },
          { type: 'REF' },
          { type: 'LEAF', leaf_type: 'DYNAMIC_LEAF' },
          { type: 'SLICE', end: 2 },
        ],
      },
    }
    expect(show({ label: 'Last', param: { type: 'RAW', value: last } }, args)).toEqual(['3'])
    expect(show({ label: 'Head', param: { type: 'RAW', value: head } }, args)).toEqual(['0xcafe'])
  })

  test('a path past the calldata is refused (0x6A80)', () => {
    expect(() => show({ label: 'x', param: { type: 'RAW', value: word(5) } }, '0x')).toThrow(
      expect.objectContaining({ statusWord: 0x6a80 }),
    )
  })

  test('an enum without its signed value is refused (0x6A80)', () => {
    const args = encodeAbiParameters(parseAbiParameters('uint256'), [2n])
    expect(() =>
      show({ label: 'Mode', param: { type: 'ENUM', id: 0, value: word(0) } }, args),
    ).toThrow(expect.objectContaining({ statusWord: 0x6a80 }))
  })
})
