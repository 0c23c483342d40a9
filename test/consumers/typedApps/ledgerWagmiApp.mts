// A Ledger-only wagmi app: neither @airlock/trezor nor @trezor/connect installed. Type-checked by
// types.test.ts.
import { createLedgerEmulator } from '@airlock/emulator/ledger'
import type { LedgerTransport } from '@airlock/ledger'
import { type LedgerParameters, ledger } from '@airlock/wagmi'
import { createConfig } from '@wagmi/core'
import { http } from 'viem'
import { mainnet } from 'viem/chains'

type IsAny<type> = 0 extends 1 & type ? true : false

const transport: LedgerTransport = createLedgerEmulator().transport
const config = createConfig({
  chains: [mainnet],
  connectors: [
    ledger({ transport, onStatus: (status) => console.log(status.type) }),
    ledger({ id: 'ledger-ble', name: 'Ledger (Bluetooth)', transport: 'web-ble' }),
  ],
  transports: { [mainnet.id]: http() },
})

const transportIsTyped: IsAny<LedgerParameters['transport']> = false
// @ts-expect-error a transport is a name, a factory or an open Transport, not any object
ledger({ transport: { foo: 1 } })
// @ts-expect-error descriptors are `airlock-ledger descriptors` modules, not any object
ledger({ descriptors: { foo: 1 } })
// @ts-expect-error `connect` is a Trezor option, not a Ledger one
ledger({ connect: {} })

export { config, transportIsTyped }
