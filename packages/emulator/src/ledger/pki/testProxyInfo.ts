import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex, type Hex, hexToBytes, toBytes } from 'viem'
import { tlv } from './testDescriptors.js'
import { signDigestDer } from './testPki.js'

/** What a test PROXY_INFO states: on `chainId`, calls to `proxy` run `implementation`'s code. */
export type TestProxyInfo = {
  readonly chainId: number
  readonly proxy: Hex
  readonly implementation: Hex
  /** The device's challenge (GET CHALLENGE), for a payload bound to one review. */
  readonly challenge?: number | undefined
  /** Set when the delegation holds for this function only. */
  readonly selector?: Hex | undefined
}

/**
 * The PROXY_INFO payload (E0 2A) as app-ethereum's client builds it (proxy_info.py): type 0x26,
 * version 1, challenge when given, proxy, chain id, selector when given, implementation, delegation
 * type PROXY, then `15 || len || DER signature` over the SHA-256 of the entries before, by the key
 * a TRUSTED_NAME certificate certifies. TEST KEYS ONLY.
 */
export function signTestProxyInfo(privateKey: Hex, info: TestProxyInfo): Hex {
  const parts = [tlv(0x01, [0x26]), tlv(0x02, [0x01])]
  if (info.challenge !== undefined) parts.push(tlv(0x12, minimal(BigInt(info.challenge))))
  parts.push(tlv(0x22, hexToBytes(info.proxy)), tlv(0x23, minimal(BigInt(info.chainId))))
  if (info.selector) parts.push(tlv(0x41, hexToBytes(info.selector)))
  parts.push(tlv(0x42, hexToBytes(info.implementation)), tlv(0x43, [0x00]))
  const body = concat(parts)
  const signature = signDigestDer(privateKey, sha256(body))
  return bytesToHex(concat([body, tlv(0x15, signature)]))
}

function minimal(value: bigint): Uint8Array {
  return value === 0n ? Uint8Array.of(0) : toBytes(value)
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}
