import { expect, test } from 'vitest'
import * as exports from './utils.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "compareVersions",
      "loadOnce",
      "raceAbortSignal",
      "serializeUnsignedTransaction",
      "unwrapDefault",
      "verifyDeviceSignature",
    ]
  `)
})
