import type { EmulatorExchange } from './exchanges.js'
import { FaultQueue } from './faults.js'
import type { EmulatorLatency } from './latency.js'
import type { EmulatorReview } from './types.js'
import type { EmulatorUser } from './user.js'

/**
 * What a test sets and reads on any emulated device, apart from its protocol: the person at it, the
 * armed faults, the cable's latency, and the logs of what the device showed and exchanged.
 */
export type EmulatorState = {
  user: EmulatorUser
  latency: EmulatorLatency
  readonly faults: FaultQueue
  readonly reviews: EmulatorReview[]
  readonly exchanges: EmulatorExchange[]
}

export type EmulatorStateOptions = {
  /** @default 'approve' */
  readonly user?: EmulatorUser
  /** @default 0 */
  readonly latency?: EmulatorLatency
}

/** A fresh state: nothing armed, nothing logged. */
export function createEmulatorState(options: EmulatorStateOptions = {}): EmulatorState {
  return {
    user: options.user ?? 'approve',
    latency: options.latency ?? 0,
    faults: new FaultQueue(),
    reviews: [],
    exchanges: [],
  }
}
