import { expect, test } from 'vitest'
import * as exports from './testing.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "ConformanceError",
      "driverConformanceChecks",
    ]
  `)
})
