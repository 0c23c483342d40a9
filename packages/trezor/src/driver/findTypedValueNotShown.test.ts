import { describe, expect, test } from 'vitest'
import { findTypedValueNotShown, maxShownTypedValueLength } from './findTypedValueNotShown.js'

const types = {
  EIP712Domain: [{ name: 'name', type: 'string' }],
  Person: [
    { name: 'name', type: 'string' },
    { name: 'wallet', type: 'address' },
  ],
  Mail: [
    { name: 'from', type: 'Person' },
    { name: 'to', type: 'Person[]' },
    { name: 'contents', type: 'string' },
    { name: 'attachment', type: 'bytes' },
  ],
} as const
const person = { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' } as const
const mail = (overrides: Record<string, unknown> = {}, name = 'Ether Mail') =>
  ({
    domain: { name },
    types,
    primaryType: 'Mail',
    message: { from: person, to: [person], contents: 'Hi\nBob', attachment: '0x00', ...overrides },
  }) as never

describe('findTypedValueNotShown', () => {
  test('printable ASCII, line breaks and short values are shown', () => {
    expect(findTypedValueNotShown(mail())).toBeUndefined()
    const edge = 'x'.repeat(maxShownTypedValueLength)
    expect(findTypedValueNotShown(mail({ contents: edge }))).toBeUndefined()
  })

  test.each([
    [
      'a 20 kB string',
      mail({ contents: 'x'.repeat(20_000) }),
      'Mail.contents: 20000 characters, which the device pages through; Airlock counts up to 1024 as shown',
    ],
    [
      'long bytes (as hex)',
      mail({ attachment: `0x${'ab'.repeat(513)}` }),
      'Mail.attachment: 1026 characters, which the device pages through; Airlock counts up to 1024 as shown',
    ],
    [
      'U+202E in a nested array item',
      mail({ to: [person, { ...person, name: 'evil\u202Egnp.exe' }] }),
      'Mail.to[1].name: the device shows 1 of its characters as a placeholder glyph (only printable ASCII is drawn)',
    ],
    [
      'accents in the domain',
      mail({}, 'Éther'),
      'EIP712Domain.name: the device shows 1 of its characters as a placeholder glyph (only printable ASCII is drawn)',
    ],
  ])('%s', (_, typedData, reason) => {
    expect(findTypedValueNotShown(typedData)).toBe(reason)
  })
})
