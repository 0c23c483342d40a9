/** Simulated transport latency. `perFrame` is added for each 64-byte USB frame of a request and response. */
export type EmulatorLatency = number | { readonly perFrame: number }

/**
 * Milliseconds that `frames` USB frames take on a cable with `latency`. A plain number is a fixed
 * delay per exchange: only the transfer that `paysFixedDelay` is charged it.
 */
export function transferDelay(
  latency: EmulatorLatency,
  frames: number,
  paysFixedDelay: boolean,
): number {
  if (typeof latency === 'number') return paysFixedDelay ? latency : 0
  return latency.perFrame * frames
}

/** Waits `ms` milliseconds (no wait for 0). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
