import { fileURLToPath } from 'node:url'
import { staticImports } from '@airlock/fixtures/staticImports'
import { expect, test } from 'vitest'
import * as exports from './index.js'

test('exports', () => {
  expect(Object.keys(exports).sort()).toMatchInlineSnapshot(`
    [
      "ForbiddenKeyPathError",
      "InvalidManifestError",
      "TrezorInitError",
      "TrezorPermissionError",
      "createTrezorSigner",
      "toTrezorAccount",
    ]
  `)
})

test('the entry imports no Trezor Connect package until a device is used', () => {
  expect(staticImports(fileURLToPath(new URL('./index.ts', import.meta.url)))).toEqual([
    '@airlock/core',
  ])
})
