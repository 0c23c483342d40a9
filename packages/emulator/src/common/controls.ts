import type { EmulatorExchange } from './exchanges.js'
import type { EmulatorFault } from './faults.js'
import type { EmulatorLatency } from './latency.js'
import type { EmulatorReview } from './types.js'
import type { EmulatorUser } from './user.js'

/**
 * The controls every emulator has, with the same names and shapes on the Ledger and the Trezor
 * emulator, so a test can drive either one.
 */
export type EmulatorControls = {
  /** Whether the device is plugged in. */
  readonly connected: boolean
  /** Plugs the device back in; resolves once the host can use it (same lock state, flows reset). */
  plug(): Promise<void>
  /** Pulls the cable: exchanges in flight fail; resolves once the host has seen the device go. */
  unplug(): Promise<void>
  /** Whether the device is locked (its PIN screen is up). */
  readonly locked: boolean
  /** Locks the device (PIN screen). */
  lock(): void
  /** Unlocks the device. */
  unlock(): void
  /** Sets who answers the next reviews. */
  setUser(user: EmulatorUser): void
  /**
   * Arms a fault; each applies once. Signature faults spoil the next signature. How `atExchange`
   * counts is the device's: the Ledger counts APDUs from the moment the fault is armed, the Trezor
   * counts the messages of the next Ethereum operation.
   */
  injectFault(fault: EmulatorFault): void
  /** Drops every armed fault. */
  clearFaults(): void
  /** Every review the device showed, oldest first, with its outcome. */
  readonly reviews: readonly EmulatorReview[]
  /** Every exchange on the wire, oldest first (`response` is '' when the device never answered). */
  readonly exchanges: readonly EmulatorExchange[]
  /** Empties `reviews` and `exchanges`. */
  clearLogs(): void
  /** Changes the simulated cable latency. */
  setLatency(latency: EmulatorLatency): void
  /** Releases what the emulator holds (the Trezor's Connect instance); a no-op where nothing is held. */
  dispose(): Promise<void>
}
