// What a TypeScript app on wagmi 2 writes: Airlock's connectors in wagmi's `createConfig` and its
// wallets in RainbowKit's `connectorsForWallets`, checked against wagmi 2's and RainbowKit's types.
import { ledger, trezor } from '@airlock/wagmi'
import { ledgerWallet, trezorWallet } from '@airlock/wagmi/rainbowkit'
import { connectorsForWallets } from '@rainbow-me/rainbowkit'
import { http } from 'viem'
import { mainnet } from 'viem/chains'
import { type Connector, createConfig } from 'wagmi'

const manifest = { appName: 'Airlock', appUrl: 'https://example.com', email: 'dev@example.com' }

export const config = createConfig({
  chains: [mainnet],
  connectors: [
    ledger({ id: 'ledger-usb', onStatus: (status) => console.log(status.type) }),
    trezor({ manifest, icon: '/trezor.svg' }),
  ],
  transports: { [mainnet.id]: http() },
})

export const icons: (string | undefined)[] = config.connectors.map(
  (connector: Connector) => connector.icon,
)

export const rainbowKitConnectors = connectorsForWallets(
  [{ groupName: 'Hardware wallets', wallets: [ledgerWallet(), trezorWallet({ manifest })] }],
  { appName: 'Airlock', projectId: 'unused' },
)
