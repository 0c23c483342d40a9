import { ApduStatusError } from '../errors.js'
import { StatusWord } from './statusWords.js'

/** A command APDU as the device reads it. */
export type Apdu = {
  readonly cla: number
  readonly ins: number
  readonly p1: number
  readonly p2: number
  readonly data: Uint8Array
}

/** Parses `CLA INS P1 P2 Lc data`. */
export function parseApdu(bytes: Uint8Array): Apdu {
  if (bytes.length < 4) throw new ApduStatusError(StatusWord.incorrectData, 'APDU too short')
  const length = bytes[4] ?? 0
  const data = bytes.subarray(5, 5 + length)
  if (data.length !== length) throw new ApduStatusError(StatusWord.incorrectData, 'Bad Lc')
  return { cla: bytes[0]!, ins: bytes[1]!, p1: bytes[2]!, p2: bytes[3]!, data }
}

/** A BIP-32 path read from the front of a payload, and what follows it. */
export type ParsedPath = { readonly path: readonly number[]; readonly rest: Uint8Array }

/** Reads `count (1, max 10) || index (4, BE) * count`, as every signing command starts. */
export function parsePath(data: Uint8Array): ParsedPath {
  const count = data[0]
  if (count === undefined || count === 0 || count > 10 || data.length < 1 + 4 * count) {
    throw new ApduStatusError(StatusWord.incorrectData, 'Invalid BIP-32 path')
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
  const path = Array.from({ length: count }, (_, i) => view.getUint32(1 + 4 * i))
  return { path, rest: data.subarray(1 + 4 * count) }
}

/** `m/44'/60'/0'/0/0` notation of a numeric path. */
export function formatPath(path: readonly number[]): string {
  const parts = path.map((i) => (i >= 0x80000000 ? `${i - 0x80000000}'` : `${i}`))
  return ['m', ...parts].join('/')
}
