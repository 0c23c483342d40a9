import { describe, expect, test } from 'vitest'
import { findTypedValueNotShown, maxShownTypedValueLength } from './findTypedValueNotShown.js'

const person = { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' }
const mail = (overrides: Record<string, unknown> = {}, name = 'Ether Mail') => ({
  types: { EIP712Domain: [{ name: 'name', type: 'string' }] },
  domain: { name },
  message: { from: person, to: [person], contents: 'Hi\nBob', attachment: '0x00', ...overrides },
})

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
      'contents: 20000 characters, too many to read',
    ],
    [
      'long bytes (as hex)',
      mail({ attachment: `0x${'ab'.repeat(512)}` }),
      'attachment: 1026 characters, too many to read',
    ],
    [
      'U+202E in a nested array item',
      mail({ to: [person, { ...person, name: 'evil\u202Egnp.exe' }] }),
      'name: 1 characters the device cannot draw',
    ],
    ['accents in the domain', mail({}, 'Éther'), 'name: 1 characters the device cannot draw'],
    [
      'a field name the fonts cannot draw',
      mail({ 'to\u202E': 'x' }),
      'to\u202E: 1 characters the device cannot draw',
    ],
    ['a tab', mail({ contents: 'a\tb' }), 'contents: 1 characters the device cannot draw'],
  ])('%s', (_, typedData, reason) => {
    expect(findTypedValueNotShown(typedData)).toEqual({ display: 'blind', reason })
  })
})
