import { sha256 } from '@noble/hashes/sha2'
import { bytesToHex } from 'viem'
import { KeyUsage, type LoadedCertificate, verifyWithCertificate } from '../../pki/certificate.js'
import { malformed, readTlv, tlvByTag, tlvUint } from './tlv.js'

/** A PROXY_INFO struct the app accepted (proxy_info.h `s_proxy_info`). */
export type ProxyInfo = {
  readonly chainId: bigint
  /** The proxy: the address a transaction calls. */
  readonly address: Uint8Array
  /** The contract behind it, the one descriptors are issued for. */
  readonly implementation: Uint8Array
  /** Set when the delegation holds for one function only. */
  readonly selector: Uint8Array | undefined
}

const tag = {
  structType: 0x01,
  structVersion: 0x02,
  challenge: 0x12,
  address: 0x22,
  chainId: 0x23,
  selector: 0x41,
  implementation: 0x42,
  delegationType: 0x43,
  signature: 0x15,
} as const
const proxyInfoType = 0x26
const delegationTypes = 3 // PROXY, ISSUED_FROM_FACTORY, DELEGATOR
const maxChainId = 0x7fffffffffffffdbn

/**
 * PROXY_INFO (provide_proxy_info/proxy_info.c): type 0x26 version 1; the challenge, when present,
 * must be the device's current one; SHA-256 over the raw TLV of every entry but the signature,
 * verified with the loaded certificate of usage TRUSTED_NAME (0x04). Every entry is optional to the
 * parser; a missing address or chain id only makes the info match no call. `rollChallenge` runs
 * once the entries parsed, whether the signature then verifies or not (`verify_proxy_info_struct`).
 * Throws 0x6A80.
 */
export function parseProxyInfo(
  payload: Uint8Array,
  certificate: LoadedCertificate | undefined,
  challenge: number,
  rollChallenge: () => void,
): ProxyInfo {
  const entries = readTlv(payload)
  const tags = tlvByTag(entries, Object.values(tag))
  const first = (t: number) => tags.get(t)?.[0]
  const type = first(tag.structType)
  if (type && tlvUint(type, 1) !== BigInt(proxyInfoType)) throw malformed('Not a proxy info')
  const version = first(tag.structVersion)
  if (version && tlvUint(version, 1) !== 1n) throw malformed('Unsupported proxy info version')
  const challengeEntry = first(tag.challenge)
  if (challengeEntry && tlvUint(challengeEntry, 4) !== BigInt(challenge)) {
    throw malformed('Challenge mismatch')
  }
  const address = addressOf(first(tag.address)?.value)
  const implementation = addressOf(first(tag.implementation)?.value)
  const chainIdEntry = first(tag.chainId)
  const chainId = chainIdEntry ? tlvUint(chainIdEntry, 8) : 0n
  if (chainIdEntry && (chainId === 0n || chainId > maxChainId)) {
    throw malformed('Unsupported chain id')
  }
  const selectorEntry = first(tag.selector)
  if (selectorEntry && selectorEntry.value.length > 4) throw malformed('Bad selector')
  const delegation = first(tag.delegationType)
  if (delegation && tlvUint(delegation, 1) >= BigInt(delegationTypes)) {
    throw malformed('Unknown delegation type')
  }
  const signature = first(tag.signature)?.value
  if (signature && (signature.length < 8 || signature.length > 72)) {
    throw malformed('Bad signature size')
  }
  const hash = sha256.create()
  for (const entry of entries) if (entry.tag !== tag.signature) hash.update(entry.raw)
  rollChallenge()
  if (
    !signature ||
    !verifyWithCertificate(certificate, KeyUsage.trustedName, hash.digest(), signature)
  ) {
    throw malformed('Proxy info signature invalid')
  }
  return {
    chainId,
    address,
    implementation,
    selector: selectorEntry ? leftAligned(selectorEntry.value) : undefined,
  }
}

/**
 * `get_implem_contract`: the implementation behind `to` when the accepted proxy info is for that
 * proxy on that chain (and that selector, when it names one), else `undefined`.
 */
export function implementationBehind(
  proxy: ProxyInfo | undefined,
  call: { chainId: bigint; to: Uint8Array; selector: Uint8Array },
): Uint8Array | undefined {
  if (!proxy || proxy.chainId !== call.chainId) return undefined
  if (bytesToHex(proxy.address) !== bytesToHex(call.to)) return undefined
  if (proxy.selector && bytesToHex(proxy.selector) !== bytesToHex(call.selector)) return undefined
  return proxy.implementation
}

// `tlv_get_address`: exactly 20 bytes; absent, the struct's zeroed address.
function addressOf(value: Uint8Array | undefined): Uint8Array {
  if (value === undefined) return new Uint8Array(20)
  if (value.length !== 20) throw malformed('Bad address')
  return value
}

// `tlv_get_hash` copies the bytes to the start of the 4-byte selector buffer.
function leftAligned(value: Uint8Array): Uint8Array {
  const out = new Uint8Array(4)
  out.set(value)
  return out
}
