// A Vite + React app as RainbowKit's docs set one up, on wagmi 2, with Airlock's wallets added
// through `@airlock/wagmi/rainbowkit`. Plain JavaScript (no JSX), so Vite needs no plugin.
import '@rainbow-me/rainbowkit/styles.css'
import { ledgerWallet, trezorWallet } from '@airlock/wagmi/rainbowkit'
import { ConnectButton, connectorsForWallets, RainbowKitProvider } from '@rainbow-me/rainbowkit'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createElement as h, useState, useSyncExternalStore } from 'react'
import { createRoot } from 'react-dom/client'
import { http, parseEther } from 'viem'
import { mainnet } from 'viem/chains'
import {
  createConfig,
  useAccount,
  useDisconnect,
  useSendTransaction,
  useSignMessage,
  WagmiProvider,
} from 'wagmi'

// The test's local node (chain id 1); nothing the page asks leaves loopback.
const rpcUrl = new URLSearchParams(location.search).get('rpc') ?? 'http://127.0.0.1:8545'

// The Ledger's last status, for the page: RainbowKit's modal shows no connector error text.
const deviceStatus = createStore('')
function onStatus(status) {
  if (status.type === 'error')
    deviceStatus.set(status.error.metaMessages?.[0] ?? status.error.message)
  else if (status.type === 'done') deviceStatus.set('')
  else deviceStatus.set(status.type)
}

const connectors = connectorsForWallets(
  [
    {
      groupName: 'Hardware wallets',
      wallets: [
        ledgerWallet({ onStatus }),
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
      h(RainbowKitProvider, { modalSize: 'wide' }, h(Page)),
    ),
  )
}

function Page() {
  const { address, status } = useAccount()
  const { disconnect } = useDisconnect()
  const signing = useSignMessage()
  const sending = useSendTransaction()
  const remedy = useSyncExternalStore(deviceStatus.subscribe, deviceStatus.get)
  return h(
    'main',
    { style: { fontFamily: 'sans-serif', padding: 24 } },
    // Above RainbowKit's modal, so that a screenshot shows both.
    h('p', { id: 'device-status', style: banner }, remedy),
    h(ConnectButton, { showBalance: false, chainStatus: 'none' }),
    h('p', null, 'Status: ', h('span', { id: 'status' }, status)),
    h('p', null, 'Account: ', h('output', { id: 'address' }, address ?? '')),
    status === 'connected' &&
      h(
        'p',
        null,
        h(
          'button',
          {
            type: 'button',
            onClick: () => signing.signMessage({ message: 'hello from RainbowKit' }),
          },
          'Sign message',
        ),
        h(
          'button',
          {
            type: 'button',
            onClick: () =>
              sending.sendTransaction({
                to: '0x000000000000000000000000000000000000dEaD',
                value: parseEther('0.001'),
              }),
          },
          'Send transaction',
        ),
        h('button', { type: 'button', onClick: () => disconnect() }, 'Disconnect'),
      ),
    h('p', null, 'Signature: ', h('output', { id: 'signature' }, signing.data ?? '')),
    h('p', null, 'Transaction: ', h('output', { id: 'transaction' }, sending.data ?? '')),
    h('p', { id: 'error' }, (signing.error ?? sending.error)?.message ?? ''),
  )
}

const banner = {
  position: 'fixed',
  top: 0,
  left: 0,
  right: 0,
  margin: 0,
  padding: 8,
  minHeight: 20,
  textAlign: 'center',
  background: '#fff3cd',
  zIndex: 2147483647,
}

function createStore(initial) {
  let value = initial
  const listeners = new Set()
  return {
    get: () => value,
    set(next) {
      value = next
      for (const listener of listeners) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

createRoot(document.getElementById('root')).render(h(App))
