import { type Address, concat, hexToBytes, numberToBytes } from 'viem'
import { maxPayload } from './apdu.js'
import { encodePath } from './encodePath.js'
import * as ins from './ins.js'
import { readSignature } from './readSignature.js'
import type { EthereumAppSignature, SendCommand } from './types.js'

/** What an EIP-7702 authorization delegates: the delegate contract, its chain (0: any) and nonce. */
export type Authorization = { address: Address; chainId: number; nonce: number }

/** One APDU of SIGN EIP 7702 AUTHORIZATION: `E0 34 p1 00 data`. */
export type AuthorizationApdu = { p1: number; data: Uint8Array }

// app-ethereum src/features/signAuthorizationEIP7702/auth_7702.c
const tags = { structVersion: 0x00, delegate: 0x01, chainId: 0x02, nonce: 0x03 } as const
const structVersion = 0x01

/**
 * SIGN EIP 7702 AUTHORIZATION (`E0 34`, app-ethereum 1.17.0), which hw-app-eth 7.9 does not
 * implement. Answered `v || r || s` with `v` the bare y parity.
 */
export async function signAuthorization(
  send: SendCommand,
  path: string,
  authorization: Authorization,
): Promise<EthereumAppSignature> {
  let response: Uint8Array = new Uint8Array()
  for (const { p1, data } of encodeAuthorization(path, authorization))
    response = await send(ins.signEip7702Authorization, p1, 0x00, data)
  return readSignature(response)
}

/**
 * The APDUs of SIGN EIP 7702 AUTHORIZATION. The first carries `path || length (u16) || TLV` with
 * P1 01, the rest continue the TLV with P1 00 (app-ethereum `commands_7702.c`, `tlv_apdu.c`); the
 * TLV is struct version 1, the delegate (20 bytes), the chain id and the nonce (u64, big-endian).
 */
export function encodeAuthorization(
  path: string,
  authorization: Authorization,
): AuthorizationApdu[] {
  const tlv = concat([
    tlvEntry(tags.structVersion, Uint8Array.of(structVersion)),
    tlvEntry(tags.delegate, hexToBytes(authorization.address)),
    tlvEntry(tags.chainId, numberToBytes(authorization.chainId, { size: 8 })),
    tlvEntry(tags.nonce, numberToBytes(authorization.nonce, { size: 8 })),
  ])
  const payload = concat([encodePath(path), numberToBytes(tlv.length, { size: 2 }), tlv])
  const apdus: AuthorizationApdu[] = []
  for (let offset = 0; offset < payload.length; offset += maxPayload)
    apdus.push({
      p1: offset === 0 ? 0x01 : 0x00,
      data: payload.subarray(offset, offset + maxPayload),
    })
  return apdus
}

function tlvEntry(tag: number, value: Uint8Array): Uint8Array {
  return concat([Uint8Array.of(tag, value.length), value])
}
