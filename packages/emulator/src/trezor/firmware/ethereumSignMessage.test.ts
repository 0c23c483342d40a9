import { hexToBytes, keccak256, stringToBytes } from 'viem/utils'
import { describe, expect, test } from 'vitest'
import { messageScreen } from './ethereumSignMessage.js'

const hash = hexToBytes(keccak256(stringToBytes('safe tx')))

describe('messageScreen', () => {
  test.each([
    ['ASCII', 'T3T1', stringToBytes('Sign in'), { title: 'Message', value: 'Sign in' }],
    ['ASCII', 'T1B1', stringToBytes('Sign in'), { title: 'Message', value: 'Sign in' }],
    ['line break, Core', 'T2T1', stringToBytes('a\nb'), { title: 'Message', value: 'a\nb' }],
    [
      'line break, Model One',
      'T1B1',
      stringToBytes('a\nb'),
      { title: 'Binary message', value: '610a62' },
    ],
    ['accents, Core', 'T3T1', stringToBytes('héllo'), { title: 'Message', value: 'h\uFFFDllo' }],
    ['U+202E, Core', 'T3T1', stringToBytes('a\u202Eb'), { title: 'Message', value: 'a\uFFFDb' }],
    ['accents, Model One', 'T1B1', stringToBytes('é'), { title: 'Binary message', value: 'c3a9' }],
  ] as const)('%s (%s)', (_, model, bytes, screen) => {
    expect(messageScreen(model, bytes)).toEqual(screen)
  })

  test('bytes that are not UTF-8: hex(…) on the Core models, hex on the Model One', () => {
    const hex = Buffer.from(hash).toString('hex')
    expect(hash.every((byte) => byte >= 0x20 && byte <= 0x7e)).toBe(false)
    expect(messageScreen('T3T1', hash)).toEqual({ title: 'Message', value: `hex(${hex})` })
    expect(messageScreen('T1B1', hash)).toEqual({ title: 'Binary message', value: hex })
  })
})
