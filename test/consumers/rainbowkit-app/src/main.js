// A Vite + React app as RainbowKit's docs set one up, on wagmi 2, with Airlock's wallets added
// through `@airlock/wagmi/rainbowkit`. Plain JavaScript (no JSX), so Vite needs no plugin.
import '@rainbow-me/rainbowkit/styles.css'
import { ledgerWallet, trezorWallet } from '@airlock/wagmi/rainbowkit'
import { ConnectButton, connectorsForWallets, RainbowKitProvider } from '@rainbow-me/rainbowkit'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement as h, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { http } from 'viem'
import { mainnet } from 'viem/chains'
import { createConfig, WagmiProvider } from 'wagmi'
import { AccountPage, createDeviceStatus } from './accountPage.js'

// The test's local node (chain id 1); nothing the page asks leaves loopback.
const rpcUrl = new URLSearchParams(location.search).get('rpc') ?? 'http://127.0.0.1:8545'

// The Ledger's last status, for the page: RainbowKit's modal shows no connector error text.
const deviceStatus = createDeviceStatus()

const connectors = connectorsForWallets(
  [
    {
      groupName: 'Hardware wallets',
      wallets: [
        ledgerWallet({ onStatus: deviceStatus.onStatus }),
        trezorWallet({
          manifest: {
            appName: 'Airlock RainbowKit consumer',
            appUrl: 'http://127.0.0.1',
            email: 'dev@example.com',
          },
        }),
      ],
    },
  ],
  // Only WalletConnect wallets use the project id; none is listed.
  { appName: 'Airlock RainbowKit consumer', projectId: 'airlock-consumer-test' },
)

const config = createConfig({
  chains: [mainnet],
  connectors,
  transports: { [mainnet.id]: http(rpcUrl) },
  multiInjectedProviderDiscovery: false,
})

function App() {
  const [queryClient] = useState(() => new QueryClient())
  return h(
    WagmiProvider,
    { config },
    h(
      QueryClientProvider,
      { client: queryClient },
      h(
        RainbowKitProvider,
        { modalSize: 'wide' },
        h(AccountPage, {
          deviceStatus,
          connectButton: h(ConnectButton, { showBalance: false, chainStatus: 'none' }),
          message: 'hello from RainbowKit',
        }),
      ),
    ),
  )
}

createRoot(document.getElementById('root')).render(h(App))
