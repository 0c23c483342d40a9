// A Vite + React app as Reown AppKit's docs set one up (wagmi 2 through AppKit's WagmiAdapter),
// with Airlock's connectors passed as they are in `connectors`. AppKit needs a project id and asks
// Reown's servers for its configuration; the test answers those requests with stubs.
import { ledger, trezor } from '@airlock/wagmi'
import { mainnet } from '@reown/appkit/networks'
import { createAppKit } from '@reown/appkit/react'
import { WagmiAdapter } from '@reown/appkit-adapter-wagmi'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement as h, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { http } from 'viem'
import { WagmiProvider } from 'wagmi'
import { AccountPage, createDeviceStatus } from './accountPage.js'

// The test's local node (chain id 1).
const rpcUrl = new URLSearchParams(location.search).get('rpc') ?? 'http://127.0.0.1:8545'
// Made up: Reown's servers are stubbed in the test.
const projectId = 'airlock-consumer-test'

// The Ledger's last status, for the page: AppKit's modal shows a fixed "Connection declined".
const deviceStatus = createDeviceStatus()

const wagmiAdapter = new WagmiAdapter({
  networks: [mainnet],
  projectId,
  connectors: [
    ledger({ onStatus: deviceStatus.onStatus }),
    trezor({
      manifest: {
        appName: 'Airlock AppKit consumer',
        appUrl: 'http://127.0.0.1',
        email: 'dev@example.com',
      },
    }),
  ],
  transports: { [mainnet.id]: http(rpcUrl) },
  multiInjectedProviderDiscovery: false,
})

// Only the app's connectors: no WalletConnect, browser extension, Coinbase, email or socials.
createAppKit({
  adapters: [wagmiAdapter],
  networks: [mainnet],
  projectId,
  metadata: {
    name: 'Airlock AppKit consumer',
    description: 'Airlock on wagmi 2 and Reown AppKit',
    url: location.origin,
    icons: [],
  },
  enableWalletConnect: false,
  enableInjected: false,
  enableEIP6963: false,
  enableCoinbase: false,
  enableBaseAccount: false,
  allWallets: 'HIDE',
  themeMode: 'light',
  features: {
    analytics: false,
    email: false,
    socials: false,
    swaps: false,
    onramp: false,
    history: false,
    send: false,
  },
})

function App() {
  const [queryClient] = useState(() => new QueryClient())
  return h(
    WagmiProvider,
    { config: wagmiAdapter.wagmiConfig },
    h(
      QueryClientProvider,
      { client: queryClient },
      h(AccountPage, {
        deviceStatus,
        connectButton: h('appkit-button', { balance: 'hide' }),
        message: 'hello from AppKit',
      }),
    ),
  )
}

createRoot(document.getElementById('root')).render(h(App))
