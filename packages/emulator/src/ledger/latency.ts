import type { EmulatorLatency } from '../shared/types.js'

// A Ledger HID frame is 64 bytes: 5 header bytes, and 2 length bytes in the first frame.
const firstFramePayload = 57
const nextFramePayload = 59

/** Number of 64-byte HID frames that carry an APDU of `length` bytes. */
export function hidFrameCount(length: number): number {
  if (length <= firstFramePayload) return 1
  return 1 + Math.ceil((length - firstFramePayload) / nextFramePayload)
}

/** Delay before a message of `length` bytes arrives; a plain number is spent once, on the request. */
export function latencyFor(latency: EmulatorLatency, length: number, isRequest: boolean): number {
  if (typeof latency === 'number') return isRequest ? latency : 0
  return latency.perFrame * hidFrameCount(length)
}

/** Waits `ms` milliseconds (no wait for 0). */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()
}
