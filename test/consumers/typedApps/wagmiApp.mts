// A wagmi app with both connectors. Type-checked by types.test.ts.
import { createLedgerEmulator, createTrezorEmulator } from '@airlock/emulator'
import { ledger, trezor } from '@airlock/wagmi'
import { createConfig } from '@wagmi/core'
import { http } from 'viem'
import { mainnet } from 'viem/chains'

const ledgerEmulator = createLedgerEmulator()
const trezorEmulator = await createTrezorEmulator()
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

export { config }
