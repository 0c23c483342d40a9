import { describe, expect, test } from 'vitest'
import { normalizeTypedData } from './normalizeTypedData.js'

const mail = {
  domain: { name: 'Mail', chainId: 1 },
  types: {
    Mail: [
      { name: 'contents', type: 'string' },
      { name: 'urgent', type: 'bool' },
      { name: 'tags', type: 'uint8[]' },
    ],
  },
  primaryType: 'Mail',
  message: { contents: 'hi', urgent: false, tags: [1, 2] },
} as const

// Found by test/reliability/fuzz.test.ts: viem's validateTypedData leaves these to the encoder, and
// hw-app-eth failed on them half-way through sending the struct to the Ledger.
describe('normalizeTypedData refuses values of the wrong type before the device', () => {
  test.each([
    [
      'a string that is not one',
      { contents: false },
      'message.contents must be a string, got false',
    ],
    ['a bool that is not one', { urgent: 'yes' }, 'message.urgent must be a boolean, got "yes"'],
    ['an array that is not one', { tags: 5 }, 'message.tags must be an array (uint8[]), got 5'],
    [
      'an out-of-range item',
      { tags: [256] },
      'message.tags[0] must be an integer in range 0..255 (uint8), got 256',
    ],
    [
      'a missing field',
      { contents: undefined },
      'message.contents must be a string, got undefined',
    ],
  ])('%s', (_, change, reason) => {
    expect(() =>
      normalizeTypedData({ ...mail, message: { ...mail.message, ...change } } as never),
    ).toThrowError(expect.objectContaining({ name: 'InvalidRequestError', details: reason }))
  })

  test('a domain field outside EIP712Domain, which would not be signed', () => {
    expect(() =>
      normalizeTypedData({ ...mail, domain: { ...mail.domain, app: 'x' } } as never),
    ).toThrowError(
      expect.objectContaining({
        details: 'domain field "app" is not in EIP712Domain, so it would not be signed',
      }),
    )
  })

  test('valid typed data passes, EIP712Domain made explicit', () => {
    expect(normalizeTypedData(mail as never).types.EIP712Domain).toEqual([
      { name: 'name', type: 'string' },
      { name: 'chainId', type: 'uint256' },
    ])
  })
})

test('integers may come as decimal or hex strings, as JSON typed data (eth_signTypedData_v4) sends them', () => {
  for (const tags of [
    ['1', '255'],
    ['0x01', '0xff'],
  ])
    expect(() =>
      normalizeTypedData({ ...mail, message: { ...mail.message, tags } } as never),
    ).not.toThrow()
  expect(() =>
    normalizeTypedData({ ...mail, message: { ...mail.message, tags: ['256'] } } as never),
  ).toThrowError(/message.tags\[0\] must be an integer in range 0..255/)
})
