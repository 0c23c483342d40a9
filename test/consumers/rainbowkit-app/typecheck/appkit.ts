// What a TypeScript app on Reown AppKit writes: Airlock's connectors in the WagmiAdapter's
// `connectors`, checked against AppKit's and wagmi 2's types.
import { ledger, trezor } from '@airlock/wagmi'
import { mainnet } from '@reown/appkit/networks'
import { createAppKit } from '@reown/appkit/react'
import { WagmiAdapter } from '@reown/appkit-adapter-wagmi'

const manifest = { appName: 'Airlock', appUrl: 'https://example.com', email: 'dev@example.com' }
const projectId = 'your-reown-project-id'

export const wagmiAdapter = new WagmiAdapter({
  networks: [mainnet],
  projectId,
  connectors: [ledger({ onStatus: (status) => console.log(status.type) }), trezor({ manifest })],
})

export const appKit = createAppKit({ adapters: [wagmiAdapter], networks: [mainnet], projectId })
