'use client'

import { createWagmiConfig } from '../createWagmiConfig.js'
import { Wallet } from '../Wallet.jsx'

// The same page without Airlock: what the Airlock page costs is measured against this one.
const config = createWagmiConfig([])

export function ControlWallet() {
  return <Wallet config={config} />
}
