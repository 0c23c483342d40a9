import { expect, test } from 'vitest'
import { countReports, createReportReader, encodeReports, reportSize } from './framing.js'

test('a message survives the trip through 64-byte reports', () => {
  for (const length of [0, 1, 55, 56, 57, 118, 119, 120, 3000]) {
    const payload = Uint8Array.from({ length }, (_, i) => i % 251)
    const reports = encodeReports({ messageType: 0x1c0, payload })
    expect(reports.length).toBe(countReports(length))
    expect(reports.every((report) => report.length === reportSize)).toBe(true)
    const reader = createReportReader()
    const frames = reports.map((report) => reader.push(report))
    expect(frames.slice(0, -1).every((frame) => frame === undefined)).toBe(true)
    expect(frames.at(-1)).toEqual({ messageType: 0x1c0, payload })
  }
})

test('the first report carries ?## , type and length', () => {
  const [first] = encodeReports({ messageType: 55, payload: new Uint8Array([1, 2]) })
  expect([...first!.subarray(0, 11)]).toEqual([0x3f, 0x23, 0x23, 0, 55, 0, 0, 0, 2, 1, 2])
  expect(() => createReportReader().push(new Uint8Array(64))).toThrow('?##')
})
