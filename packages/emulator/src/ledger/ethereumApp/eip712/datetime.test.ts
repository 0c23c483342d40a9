import { expect, test } from 'vitest'
import { formatDatetime } from './datetime.js'

const be = (value: bigint, size: number) =>
  Uint8Array.from({ length: size }, (_, i) => Number((value >> BigInt(8 * (size - 1 - i))) & 0xffn))

test('UTC on a 12-hour clock, as time_format_to_utc prints it', () => {
  expect(formatDatetime(be(0n, 4), 32)).toBe('1970-01-01\n12:00:00 AM UTC')
  expect(formatDatetime(be(43_200n, 4), 32)).toBe('1970-01-01\n12:00:00 PM UTC')
  expect(formatDatetime(be(1_718_046_000n, 4), 32)).toBe('2024-06-10\n07:00:00 PM UTC')
})

test('the type maximum is "Unlimited"', () => {
  expect(formatDatetime(new Uint8Array(6).fill(0xff), 6)).toBe('Unlimited')
  expect(formatDatetime(new Uint8Array(32).fill(0xff), 32)).toBe('Unlimited')
})
