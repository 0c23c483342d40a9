import type {
  TrezorConnectLike as TrezorPackageConnectLike,
  TrezorManifest as TrezorPackageManifest,
} from '@airlock/trezor'
import { expectTypeOf, test } from 'vitest'
import type { TrezorConnectLike, TrezorManifest } from './trezorTypes.js'

// Checked by tsc (`pnpm typecheck`): a type here that drifts from @airlock/trezor's fails it.
test("the connector's Trezor option types are @airlock/trezor's", () => {
  expectTypeOf<TrezorConnectLike>().toEqualTypeOf<TrezorPackageConnectLike>()
  expectTypeOf<TrezorManifest>().toEqualTypeOf<TrezorPackageManifest>()
})
