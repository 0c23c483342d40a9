import { sha3_256 } from '@noble/hashes/sha3'
import { bytesToHex, type Hex, hexToBytes } from 'viem'
import { findCalldataDescriptor, findProxyInfo } from '../clearSigning/findCalldataDescriptor.js'
import { readCalldataAddresses } from '../clearSigning/readCalldataAddresses.js'
import { readNestedCalls } from '../clearSigning/readNestedCalls.js'
import type {
  LedgerCalldataDescriptor,
  LedgerCertificateTarget,
  LedgerDescriptors,
} from '../clearSigning/types.js'
import { findTokenDescriptor } from '../descriptors/findTokenDescriptor.js'
import { showsUnreadNestedCall } from './nestedCalldata.js'

/** A call with data to a contract, on a chain (its value where known, for VALUE references). */
export type DescribedCall = {
  chainId: number
  to: `0x${string}`
  data: Hex
  from?: `0x${string}` | undefined
  value?: bigint | undefined
}

/** The descriptors for an inner call (bundled, or asked of CAL in fetched mode), if any. */
export type ResolveInnerDescriptors = (
  call: DescribedCall,
) => Promise<LedgerDescriptors | undefined>

/**
 * What goes to the device for one described call: its CALLDATA certificate and descriptor, and
 * for each field the ERC-20 descriptors and NFT information it needs and the inner calls (with
 * descriptors) its CALLDATA field names, sent right after it.
 */
export type PlannedCall = {
  readonly set: LedgerDescriptors
  readonly descriptor: LedgerCalldataDescriptor
  readonly call: DescribedCall
  readonly certificate: Hex
  readonly tokens: readonly Uint8Array[][]
  readonly collections: readonly Uint8Array[][]
  readonly inner: readonly PlannedCall[][]
}

/** Why a call cannot be shown from its descriptors: it goes blind before any APDU. */
export type PlanRefusal = { readonly blind: string }

// Inner calls of inner calls are followed (the app keeps one context per call); deeper nesting is
// left blind rather than sent without end.
const maxDepth = 4

/**
 * Plans a described call and, recursively, the inner calls its CALLDATA fields name (DMK's
 * BuildFullContextsTask / ParseNestedTransactionTask): each inner call needs a descriptor issued
 * for its callee itself (an inner call through a proxy is not planned) with a certificate for
 * this model, or the device would not start the review; a plain transfer (no calldata) needs
 * none, the device shows it itself. A refusal says why the call goes blind.
 */
export async function planDescribedCall(
  set: LedgerDescriptors,
  descriptor: LedgerCalldataDescriptor,
  call: DescribedCall,
  target: LedgerCertificateTarget,
  resolveInner: ResolveInnerDescriptors | undefined,
  depth = 0,
): Promise<PlannedCall | PlanRefusal> {
  const certificate = set.certificates[target]
  if (!certificate) return { blind: `the descriptors have no certificate for this Ledger model` }
  if (showsUnreadNestedCall(descriptor))
    return { blind: 'the descriptor shows a nested call without saying where it is' }
  if (!fieldsMatchInfo(descriptor))
    return { blind: 'the descriptor fields do not match its signed transaction info' }
  const inner: PlannedCall[][] = []
  for (const field of descriptor.fields) {
    const planned: PlannedCall[] = []
    inner.push(planned)
    if (!field.calldata) continue
    if (depth >= maxDepth) return { blind: 'the nested calls go deeper than Airlock follows' }
    const calls = readNestedCalls(field.calldata, call)
    if (!calls) return { blind: 'the nested call cannot be read as the device reads it' }
    for (const innerCall of calls) {
      if (innerCall.data === '0x') continue
      const named = `${innerCall.to} (${innerCall.data.slice(0, 10)})`
      const innerSet = await resolveInner?.(innerCall)
      const innerDescriptor =
        innerSet && !findProxyInfo(innerSet, innerCall)
          ? findCalldataDescriptor(innerSet, innerCall)
          : undefined
      if (!innerSet || !innerDescriptor)
        return { blind: `the nested call to ${named} has no descriptor` }
      const plan = await planDescribedCall(
        innerSet,
        innerDescriptor,
        innerCall,
        target,
        resolveInner,
        depth + 1,
      )
      if ('blind' in plan) return { blind: `nested call to ${named}: ${plan.blind}` }
      planned.push(plan)
    }
  }
  return {
    set,
    descriptor,
    call,
    certificate,
    tokens: await tokenPayloads(set, descriptor, call),
    collections: nftPayloads(set, descriptor, call),
    inner,
  }
}

// The bundled NFT information of the collections each field names; a field whose collection has
// none is sent without it, and the device refuses it (the call then goes blind).
function nftPayloads(
  set: LedgerDescriptors,
  descriptor: LedgerCalldataDescriptor,
  call: DescribedCall,
): Uint8Array[][] {
  const sent = new Set<string>()
  return descriptor.fields.map((field) => {
    const payloads: Uint8Array[] = []
    for (const address of field.nft ? readCalldataAddresses(field.nft, call) : []) {
      const key = address.toLowerCase()
      const bundled = set.nfts?.find(
        (nft) => nft.chainId === call.chainId && nft.address.toLowerCase() === key,
      )
      if (!bundled || sent.has(key)) continue
      sent.add(key)
      payloads.push(hexToBytes(bundled.payload))
    }
    return payloads
  })
}

async function tokenPayloads(
  set: LedgerDescriptors,
  descriptor: LedgerCalldataDescriptor,
  call: DescribedCall,
): Promise<Uint8Array[][]> {
  const sent = new Set<string>()
  const out: Uint8Array[][] = []
  for (const field of descriptor.fields) {
    const payloads: Uint8Array[] = []
    for (const address of field.token ? readCalldataAddresses(field.token, call) : []) {
      const key = address.toLowerCase()
      if (sent.has(key)) continue
      const bundled = set.tokens?.find(
        (token) => token.chainId === call.chainId && token.address.toLowerCase() === key,
      )
      const payload = bundled
        ? hexToBytes(bundled.payload)
        : (await findTokenDescriptor(call.chainId, address))?.payload
      if (!payload) continue
      sent.add(key)
      payloads.push(payload)
    }
    out.push(payloads)
  }
  return out
}

// The FIELDS_HASH (tag 04) of TRANSACTION_INFO against the SHA3-256 of the fields, checked before
// anything is sent so a mismatched descriptor is reported blind without a review starting.
function fieldsMatchInfo(descriptor: LedgerCalldataDescriptor): boolean {
  const info = hexToBytes(descriptor.transactionInfo)
  const hash = sha3_256.create()
  for (const field of descriptor.fields) hash.update(hexToBytes(field.payload))
  let offset = 0
  while (offset + 2 <= info.length) {
    const tag = info[offset]!
    if (tag >= 0x80) return true // the signature (81 FF) comes last: no hash tag seen
    const length = info[offset + 1]!
    if (length >= 0x80) return true
    if (tag === 0x04)
      return (
        bytesToHex(info.subarray(offset + 2, offset + 2 + length)) === bytesToHex(hash.digest())
      )
    offset += 2 + length
  }
  return true
}
