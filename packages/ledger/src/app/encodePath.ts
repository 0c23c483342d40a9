import { parsePath } from '@airlock/core'

/** `count || index (u32, big-endian) * count`, the path prefix of every Ethereum-app command. */
export function encodePath(path: string): Uint8Array {
  const indices = parsePath(path)
  const bytes = new Uint8Array(1 + 4 * indices.length)
  const view = new DataView(bytes.buffer)
  bytes[0] = indices.length
  for (const [i, index] of indices.entries()) view.setUint32(1 + 4 * i, index)
  return bytes
}
