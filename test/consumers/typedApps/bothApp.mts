// An app with both devices, the wagmi connectors and the provider. Type-checked by types.test.ts.
import { createLedgerEmulator, createTrezorEmulator } from '@airlock/emulator'
import { toLedgerAccount } from '@airlock/ledger'
import { createHardwareProvider } from '@airlock/provider'
import { toTrezorAccount } from '@airlock/trezor'
import { ledger, trezor } from '@airlock/wagmi'
import { createConfig } from '@wagmi/core'
import { http } from 'viem'
import { mainnet } from 'viem/chains'

const ledgerEmulator = createLedgerEmulator()
const trezorEmulator = await createTrezorEmulator()
const accounts = [
  await toLedgerAccount({ transport: ledgerEmulator.transport, index: 0, scheme: 'bip44' }),
  await toTrezorAccount({ connect: trezorEmulator.connect, index: 0, scheme: 'bip44' }),
]
const provider = createHardwareProvider({ accounts, chains: [mainnet], transport: http() })
const config = createConfig({
  chains: [mainnet],
  connectors: [
    ledger({ transport: ledgerEmulator.transport }),
    trezor({ connect: trezorEmulator.connect }),
  ],
  transports: { [mainnet.id]: http() },
})

// @ts-expect-error a transport is a name, a factory or an open Transport, not any object
ledger({ transport: { foo: 1 } })

export { config, provider }
