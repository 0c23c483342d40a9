import { expect, test } from 'vitest'
import * as exports from './blindSigning.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "BlindSigningRefusedError",
    ]
  `)
})
