import {
  bytesToHex,
  getAddress,
  hexToBytes,
  keccak256,
  numberToHex,
  toRlp,
  zeroAddress,
} from 'viem'
import { recordErrorScreen, runReview } from '../../../common/review.js'
import type { EmulatorScreen } from '../../../common/types.js'
import { type Apdu, parsePath } from '../../apdu/apdu.js'
import { concatBytes, readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { type LedgerDevice, resetContext } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { encodeSignature, signDigest } from '../../keys/sign.js'
import { findDelegate } from '../eip7702Whitelist.js'
import { networkFor } from '../networks.js'

/** A parsed EIP-7702 authorization request. */
export type AuthorizationRequest = {
  readonly delegate: `0x${string}`
  readonly chainId: bigint
  readonly nonce: bigint
}

/**
 * SIGN EIP 7702 AUTHORIZATION (E0 34): P1 01 `path || length (2) || TLV`, P1 00 continuation.
 * TLV tags: 00 struct version (1), 01 delegate (20), 02 chain id (u64), 03 nonce (u64).
 * Refused with 0x6980 while the EIP-7702 setting is off or the delegate is not whitelisted.
 * Answers `parity || r || s` (app-ethereum `src/features/sign_authorization_eip7702`).
 */
export async function signAuthorization(device: LedgerDevice, apdu: Apdu): Promise<Uint8Array> {
  if (apdu.p1 === 0x01) {
    resetContext(device)
    const { path, rest } = parsePath(apdu.data)
    if (rest.length < 2) throw new ApduStatusError(StatusWord.incorrectData, 'Missing length')
    device.authorization = { path, expected: (rest[0]! << 8) | rest[1]!, bytes: rest.slice(2) }
  } else if (apdu.p1 === 0x00 && device.authorization) {
    device.authorization.bytes = concatBytes(device.authorization.bytes, apdu.data)
  } else {
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'No authorization in progress')
  }
  const { path, bytes, expected = 0 } = device.authorization
  if (bytes.length < expected) return new Uint8Array()
  resetContext(device)
  const request = parseAuthorizationTlv(bytes.subarray(0, expected))
  if (device.eip7702 === false) {
    recordErrorScreen(device, 'authorization', {
      title: 'EIP-7702',
      value: 'Enable EIP-7702 in Settings',
    })
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'EIP-7702 is off')
  }
  const revocation = request.delegate === zeroAddress
  const delegate = revocation
    ? undefined
    : findDelegate(device.eip7702, request.delegate, request.chainId)
  if (!revocation && !delegate) {
    recordErrorScreen(device, 'authorization', {
      title: 'EIP-7702',
      value: 'Delegate not whitelisted',
    })
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'Delegate not whitelisted')
  }
  const screens: EmulatorScreen[] = [
    { title: 'Account', value: device.keyring.derive(path).address },
    ...(delegate
      ? [
          { title: 'Delegate to', value: delegate.name },
          { title: 'Delegate address', value: getAddress(request.delegate) },
        ]
      : [{ title: 'Revoke delegation', value: 'Remove the account delegation' }]),
    { title: 'Network', value: request.chainId === 0n ? 'All' : networkFor(request.chainId).name },
    { title: 'Nonce', value: request.nonce.toString() },
  ]
  if (!(await runReview(device, 'authorization', screens))) {
    throw new ApduStatusError(StatusWord.rejectedByUser, 'Authorization rejected')
  }
  const signature = signDigest(device, path, authorizationDigest(request))
  return encodeSignature(signature.parity, signature)
}

/** `keccak256(0x05 || rlp([chain_id, address, nonce]))` (EIP-7702). */
export function authorizationDigest(request: AuthorizationRequest): Uint8Array {
  const int = (value: bigint) => (value === 0n ? '0x' : numberToHex(value))
  const rlp = toRlp([int(request.chainId), request.delegate, int(request.nonce)])
  return hexToBytes(keccak256(concatBytes(Uint8Array.of(0x05), hexToBytes(rlp))))
}

/** Parses the authorization TLV (one-byte tags and lengths). */
export function parseAuthorizationTlv(tlv: Uint8Array): AuthorizationRequest {
  const bad = (why: string) => new ApduStatusError(StatusWord.incorrectData, why)
  const values = new Map<number, Uint8Array>()
  for (let offset = 0; offset < tlv.length; ) {
    const tag = tlv[offset]!
    const length = tlv[offset + 1]
    if (length === undefined || offset + 2 + length > tlv.length) throw bad('Truncated TLV')
    if (values.has(tag)) throw bad('Duplicate TLV tag')
    values.set(tag, tlv.subarray(offset + 2, offset + 2 + length))
    offset += 2 + length
  }
  const [version, delegate, chainId, nonce] = [0, 1, 2, 3].map((tag) => values.get(tag))
  if (!version || !delegate || !chainId || !nonce) throw bad('Missing TLV tag')
  if (readUintBE(version) !== 1n) throw bad('Unsupported struct version')
  if (delegate.length !== 20 || chainId.length > 8 || nonce.length > 8) throw bad('Bad TLV value')
  return { delegate: bytesToHex(delegate), chainId: readUintBE(chainId), nonce: readUintBE(nonce) }
}
