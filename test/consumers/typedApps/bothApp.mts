// An app with both devices and the provider. Type-checked by types.test.ts.
import { createLedgerEmulator, createTrezorEmulator } from '@airlock/emulator'
import { toLedgerAccount } from '@airlock/ledger'
import { createHardwareProvider } from '@airlock/provider'
import { toTrezorAccount } from '@airlock/trezor'
import { http } from 'viem'
import { mainnet } from 'viem/chains'

const ledgerEmulator = createLedgerEmulator()
const trezorEmulator = await createTrezorEmulator()
const accounts = [
  await toLedgerAccount({ transport: ledgerEmulator.transport, index: 0, scheme: 'bip44' }),
  await toTrezorAccount({ connect: trezorEmulator.connect, index: 0, scheme: 'bip44' }),
] as const
const provider = createHardwareProvider({ accounts, chains: [mainnet], transport: http() })

// @ts-expect-error a transport is a name, a factory or an open Transport, not any object
await toLedgerAccount({ transport: { foo: 1 }, index: 0, scheme: 'bip44' })
// @ts-expect-error a Connect is TrezorConnect or an object with its methods, not any object
await toTrezorAccount({ connect: { foo: 1 }, index: 0, scheme: 'bip44' })

export { provider }
