// A Ledger HID frame is 64 bytes: 5 header bytes, and 2 length bytes in the first frame.
const firstFramePayload = 57
const nextFramePayload = 59

/** Number of 64-byte HID frames that carry an APDU of `length` bytes. */
export function hidFrameCount(length: number): number {
  if (length <= firstFramePayload) return 1
  return 1 + Math.ceil((length - firstFramePayload) / nextFramePayload)
}
