import { expect, test } from 'vitest'
import { resolveTrezorModel } from './models.js'

test('model names and aliases', () => {
  expect(
    ['one', 'model-t', 'safe-5', 'T2T1'].map((name) => resolveTrezorModel(name as never)),
  ).toEqual(['T1B1', 'T2T1', 'T3T1', 'T2T1'])
  expect(() => resolveTrezorModel('T9' as never)).toThrowErrorMatchingInlineSnapshot(
    `[TrezorEmulatorModelError: Unknown Trezor model "T9". Expected one of: T1B1, T2T1, T3T1, one, model-t, safe-5.]`,
  )
})
