import type TrezorConnect from '@trezor/connect'
import type TrezorConnectWeb from '@trezor/connect-web'
import { expectTypeOf, test } from 'vitest'
import type { TrezorConnectLike } from './types.js'

test('both TrezorConnect packages fit TrezorConnectLike', () => {
  expectTypeOf<typeof TrezorConnect>().toExtend<TrezorConnectLike>()
  expectTypeOf<typeof TrezorConnectWeb>().toExtend<TrezorConnectLike>()
})
