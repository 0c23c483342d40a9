import { parsePath } from '@airlock/core'
import { type Address, hexToBytes } from 'viem'

export type EncodeAuthorizationParameters = {
  path: string
  authorization: { address: Address; chainId: number; nonce: number }
}

/** One APDU of SIGN EIP 7702 AUTHORIZATION: `E0 34 p1 00 data`. */
export type AuthorizationApdu = { p1: number; data: Uint8Array }

// app-ethereum src/features/signAuthorizationEIP7702/auth_7702.c
const tags = { structVersion: 0x00, delegate: 0x01, chainId: 0x02, nonce: 0x03 } as const
const structVersion = 0x01
const maxChunk = 255

/**
 * The APDUs that ask the Ethereum app to sign an EIP-7702 authorization (INS 0x34), which
 * hw-app-eth 7.9 does not implement. The first carries `path || length (u16) || TLV` with P1 01,
 * the rest continue the TLV with P1 00 (app-ethereum `commands_7702.c`, `tlv_apdu.c`); the TLV is
 * struct version 1, the delegate (20 bytes), the chain id and the nonce (u64, big-endian).
 */
export function encodeAuthorization(
  parameters: EncodeAuthorizationParameters,
): AuthorizationApdu[] {
  const { path, authorization } = parameters
  const tlv = concat(
    entry(tags.structVersion, Uint8Array.of(structVersion)),
    entry(tags.delegate, hexToBytes(authorization.address)),
    entry(tags.chainId, u64(authorization.chainId)),
    entry(tags.nonce, u64(authorization.nonce)),
  )
  const payload = concat(encodePath(path), u16(tlv.length), tlv)
  const apdus: AuthorizationApdu[] = []
  for (let offset = 0; offset < payload.length; offset += maxChunk)
    apdus.push({
      p1: offset === 0 ? 0x01 : 0x00,
      data: payload.subarray(offset, offset + maxChunk),
    })
  return apdus
}

/** `count || index (u32, big-endian) * count`, the path prefix of every signing command. */
export function encodePath(path: string): Uint8Array {
  const indices = parsePath(path)
  const bytes = new Uint8Array(1 + 4 * indices.length)
  const view = new DataView(bytes.buffer)
  bytes[0] = indices.length
  for (const [i, index] of indices.entries()) view.setUint32(1 + 4 * i, index)
  return bytes
}

function entry(tag: number, value: Uint8Array): Uint8Array {
  return concat(Uint8Array.of(tag, value.length), value)
}

function u16(value: number): Uint8Array {
  return Uint8Array.of(value >> 8, value & 0xff)
}

function u64(value: number): Uint8Array {
  const bytes = new Uint8Array(8)
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value))
  return bytes
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
