import { announceProvider } from 'mipd'
import type { EIP1193Provider } from 'viem'
import type { HardwareProvider } from './types.js'

/**
 * How a wallet picker shows a provider (EIP-6963 `EIP6963ProviderInfo`). Airlock's own type: mipd's
 * declarations do not compile under `moduleResolution: node16` (TS1542).
 */
export type HardwareProviderInfo = {
  uuid: string
  name: string
  /** A data URI (RFC 2397) of the icon. */
  icon: `data:image/${string}`
  /** Reverse domain name of the wallet, e.g. `io.github.airlock.ledger`. */
  rdns: string
}

export type AnnounceHardwareProviderParameters = {
  provider: HardwareProvider
  /**
   * How wallet pickers show the provider (EIP-6963). Each field falls back to its default.
   * @default { uuid: crypto.randomUUID(), name: `${signer.name} via Airlock` (e.g. 'Ledger via Airlock'), icon: Airlock's icon, rdns: `io.github.airlock.${signer.source}` }
   */
  info?: Partial<HardwareProviderInfo> | undefined
}

export type AnnounceHardwareProviderReturnType = () => void

/**
 * Announces the provider to EIP-6963 wallet pickers (wagmi, RainbowKit, Web3Modal...) and answers
 * their later requests. Returns the function that stops answering. Browser only: call it where
 * `window` exists, not at import time.
 */
export function announceHardwareProvider({
  provider,
  info = {},
}: AnnounceHardwareProviderParameters): AnnounceHardwareProviderReturnType {
  const signer = provider.accounts[0]?.signer
  const source = signer?.source ?? 'hardware'
  const name = signer?.name ?? 'Hardware wallet'
  return announceProvider({
    info: {
      uuid: info.uuid ?? globalThis.crypto.randomUUID(),
      name: info.name ?? `${name} via Airlock`,
      icon: info.icon ?? icon,
      rdns: info.rdns ?? `io.github.airlock.${source}`,
    },
    provider: provider as EIP1193Provider,
  })
}

/** A padlock, as an SVG data URI (RFC 2397). */
const icon =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHZpZXdCb3g9IjAgMCAzMiAzMiI+PHJlY3Qgd2lkdGg9IjMyIiBoZWlnaHQ9IjMyIiByeD0iNyIgZmlsbD0iIzExMSIvPjxyZWN0IHg9IjgiIHk9IjE0IiB3aWR0aD0iMTYiIGhlaWdodD0iMTIiIHJ4PSIyIiBmaWxsPSIjZmZmIi8+PHBhdGggZD0iTTExIDE0di0zYTUgNSAwIDAgMSAxMCAwdjMiIGZpbGw9Im5vbmUiIHN0cm9rZT0iI2ZmZiIgc3Ryb2tlLXdpZHRoPSIyLjUiLz48L3N2Zz4='
