'use client'

import { ledger, trezor } from '@airlock/wagmi'
import { createWagmiConfig } from '../createWagmiConfig.js'
import { Wallet } from '../Wallet.jsx'

const config = createWagmiConfig([
  ledger(),
  trezor({
    manifest: {
      appName: 'Airlock consumer test',
      appUrl: 'https://airlock.invalid',
      email: 'dev@airlock.invalid',
    },
  }),
])

export function AirlockWallet() {
  return <Wallet config={config} />
}
