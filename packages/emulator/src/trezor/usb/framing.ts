/**
 * The Trezor v1 wire protocol over 64-byte USB reports: the first report starts with `?##`, a 2-byte
 * message type and a 4-byte length; every further report starts with `?`.
 */

/** Size of one USB HID/WebUSB report. */
export const reportSize = 64

const headerSize = 9

/** A whole message as it travels in reports: protobuf type id and encoded payload. */
export type WireFrame = {
  readonly messageType: number
  readonly payload: Uint8Array
}

/** Thrown when a report does not follow the v1 framing. */
export class TrezorFramingError extends Error {
  override name = 'TrezorFramingError'
}

/** Splits a message into 64-byte reports. */
export function encodeReports({ messageType, payload }: WireFrame): Uint8Array[] {
  const bytes = new Uint8Array(headerSize + payload.length)
  const view = new DataView(bytes.buffer)
  bytes.set([0x3f, 0x23, 0x23])
  view.setUint16(3, messageType)
  view.setUint32(5, payload.length)
  bytes.set(payload, headerSize)
  const reports = [padReport(bytes.subarray(0, reportSize))]
  for (let offset = reportSize; offset < bytes.length; offset += reportSize - 1) {
    reports.push(
      padReport(new Uint8Array([0x3f, ...bytes.subarray(offset, offset + reportSize - 1)])),
    )
  }
  return reports
}

/** Number of reports a payload of `length` bytes takes. */
export function countReports(length: number): number {
  const rest = Math.max(0, headerSize + length - reportSize)
  return 1 + Math.ceil(rest / (reportSize - 1))
}

/** Reassembles reports into messages; `push` returns a message once its last report arrived. */
export function createReportReader(): { push: (report: Uint8Array) => WireFrame | undefined } {
  let pending: { messageType: number; payload: Uint8Array; filled: number } | undefined
  const push = (report: Uint8Array): WireFrame | undefined => {
    if (!pending) {
      if (report[0] !== 0x3f || report[1] !== 0x23 || report[2] !== 0x23) {
        throw new TrezorFramingError('Expected a first report starting with "?##".')
      }
      const view = new DataView(report.buffer, report.byteOffset, report.byteLength)
      pending = {
        messageType: view.getUint16(3),
        payload: new Uint8Array(view.getUint32(5)),
        filled: 0,
      }
      fill(report.subarray(headerSize))
    } else {
      if (report[0] !== 0x3f) throw new TrezorFramingError('Expected a report starting with "?".')
      fill(report.subarray(1))
    }
    if (pending.filled < pending.payload.length) return undefined
    const done = { messageType: pending.messageType, payload: pending.payload }
    pending = undefined
    return done
  }
  const fill = (chunk: Uint8Array) => {
    if (!pending) return
    const take = chunk.subarray(0, pending.payload.length - pending.filled)
    pending.payload.set(take, pending.filled)
    pending.filled += take.length
  }
  return { push }
}

function padReport(bytes: Uint8Array): Uint8Array {
  const report = new Uint8Array(reportSize)
  report.set(bytes)
  return report
}
