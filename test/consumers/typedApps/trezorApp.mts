// A Trezor-only Node app: no Ledger package imported. Type-checked by types.test.ts.
import { UserRejectedOnDeviceError } from '@airlock/core'
import { createTrezorEmulator, type TrezorEmulator } from '@airlock/emulator'
import { createTrezorEmulator as createTrezorEmulatorAlone } from '@airlock/emulator/trezor'
import { createHardwareProvider } from '@airlock/provider'
import {
  createTrezorSigner,
  type ToTrezorAccountParameters,
  type TrezorConnectLike,
  toTrezorAccount,
} from '@airlock/trezor'
import { toTrezorError } from '@airlock/trezor/utils'
import { type Hex, http } from 'viem'
import { mainnet } from 'viem/chains'

type IsAny<type> = 0 extends 1 & type ? true : false

const emulator: TrezorEmulator = await createTrezorEmulator()
const connect: TrezorConnectLike = emulator.connect
const account = await toTrezorAccount({ connect, index: 0, scheme: 'bip44' })
const signature: Hex = await account.signMessage({ message: 'hello' })
const provider = createHardwareProvider({ account, chains: [mainnet], transport: http() })
const signer = createTrezorSigner({ connect: (await createTrezorEmulatorAlone()).connect })

const connectIsTyped: IsAny<ToTrezorAccountParameters['connect']> = false
// @ts-expect-error a Connect is TrezorConnect or an object with its methods, not any object
await toTrezorAccount({ connect: { foo: 1 }, index: 0, scheme: 'bip44' })

export { connectIsTyped, provider, signature, signer, toTrezorError, UserRejectedOnDeviceError }
