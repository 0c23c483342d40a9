import type { HardwareAccount } from '@airlock/core'
import type { Chain, EIP1193Provider } from 'viem'

/** An EIP-1193 provider whose accounts live on a hardware device. */
export type HardwareProvider = EIP1193Provider & {
  /** The device accounts this wallet offers, the selected one first, connected or not. */
  readonly accounts: readonly HardwareAccount[]
  /** The current chain. */
  readonly chain: Chain
  /** Whether the app has connected (`eth_requestAccounts`) since creation or the last `disconnect`. */
  readonly connected: boolean
  /** Replaces the accounts (e.g. the user picked another one) and emits `accountsChanged`. */
  setAccounts: (accounts: readonly [HardwareAccount, ...HardwareAccount[]]) => void
  /** Disconnects the app, emits `disconnect` and closes the devices. */
  disconnect: () => Promise<void>
}
