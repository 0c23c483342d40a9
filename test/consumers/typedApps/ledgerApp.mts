// A Ledger-only Node app: no @trezor/connect installed. Type-checked by types.test.ts.
import { UserRejectedOnDeviceError } from '@airlock/core'
import { serializeUnsignedTransaction } from '@airlock/core/utils'
import { createLedgerEmulator, type LedgerEmulator } from '@airlock/emulator'
import { createLedgerEmulator as createLedgerEmulatorAlone } from '@airlock/emulator/ledger'
import {
  createLedgerSigner,
  type LedgerTransport,
  type ToLedgerAccountParameters,
  toLedgerAccount,
} from '@airlock/ledger'
import { toLedgerError } from '@airlock/ledger/utils'
import { announceHardwareProvider, createHardwareProvider } from '@airlock/provider'
import { type Hex, http } from 'viem'
import { mainnet } from 'viem/chains'

type IsAny<type> = 0 extends 1 & type ? true : false

const emulator: LedgerEmulator = createLedgerEmulator()
const transport: LedgerTransport = emulator.transport
const account = await toLedgerAccount({ transport, index: 0, scheme: 'bip44' })
const signature: Hex = await account.signMessage({ message: 'hello' })
const provider = createHardwareProvider({ account, chains: [mainnet], transport: http() })
const signer = createLedgerSigner({ transport: createLedgerEmulatorAlone().transport })

const transportIsTyped: IsAny<ToLedgerAccountParameters['transport']> = false
// @ts-expect-error a transport is a name, a factory or an open Transport, not any object
await toLedgerAccount({ transport: { foo: 1 }, index: 0, scheme: 'bip44' })

export {
  announceHardwareProvider,
  provider,
  serializeUnsignedTransaction,
  signature,
  signer,
  toLedgerError,
  transportIsTyped,
  UserRejectedOnDeviceError,
}
