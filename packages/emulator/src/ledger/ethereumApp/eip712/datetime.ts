import { readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { ApduStatusError } from '../../errors.js'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/**
 * A timestamp filter's display (ui_logic.c:708-719, time_format.c:26-51): `Unlimited` for the
 * field's maximum value, else UTC on a 12-hour clock, the date and time on two lines:
 * `2024-06-01\n01:30:00 PM UTC`.
 */
export function formatDatetime(raw: Uint8Array, typeSize: number): string {
  if (raw.length >= typeSize && raw.every((byte) => byte === 0xff)) return 'Unlimited'
  const seconds = readUintBE(raw) & 0xffffffffffffffffn
  const date = new Date(Number(seconds) * 1000)
  if (Number.isNaN(date.getTime()) || seconds > 8_640_000_000_000n) {
    throw new ApduStatusError(StatusWord.parameterErrorNoInfo, 'Timestamp out of range')
  }
  const hours = date.getUTCHours()
  const shownHour = hours === 0 ? 12 : hours > 12 ? hours - 12 : hours
  return (
    `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}\n` +
    `${pad(shownHour)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ` +
    `${hours < 12 ? 'AM' : 'PM'} UTC`
  )
}
