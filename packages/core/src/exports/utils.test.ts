import { expect, test } from 'vitest'
import * as exports from './utils.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "serializeUnsignedTransaction",
      "verifyDeviceSignature",
    ]
  `)
})
