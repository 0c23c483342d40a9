import { sha3_256 } from '@noble/hashes/sha3'
import { type Address, bytesToHex, type Hex, hexToBytes } from 'viem'
import { loadCertificate } from '../app/genericParser/loadCertificate.js'
import { provideEnumValue } from '../app/genericParser/provideEnumValue.js'
import { provideFieldDescription } from '../app/genericParser/provideFieldDescription.js'
import { provideNftInformation } from '../app/genericParser/provideNftInformation.js'
import { provideTransactionInfo } from '../app/genericParser/provideTransactionInfo.js'
import { startTransactionReview } from '../app/genericParser/startTransactionReview.js'
import { storeTransaction } from '../app/genericParser/storeTransaction.js'
import * as ins from '../app/ins.js'
import * as statusWords from '../app/statusWords.js'
import type { EthereumAppSignature, SendCommand } from '../app/types.js'
import { certificateTarget } from '../clearSigning/certificateTarget.js'
import { findCalldataDescriptor } from '../clearSigning/findCalldataDescriptor.js'
import { readCalldataAddresses } from '../clearSigning/readCalldataAddresses.js'
import type { LedgerCalldataDescriptor, LedgerDescriptors } from '../clearSigning/types.js'
import { findTokenDescriptor } from '../descriptors/findTokenDescriptor.js'
import { statusCodeOf } from './statusCodeOf.js'

/** The CALLDATA key usage of Ledger's PKI (LOAD CERTIFICATE P1). */
const calldataKeyUsage = 0x0b

/** A call with data to a contract, on a chain. */
export type DescribedCall = { chainId: number; to: Address; data: Hex; from?: Address | undefined }

/** What clear signing with a descriptor came to: a signature, or why the device will show it blind. */
export type DescriptorOutcome =
  | { kind: 'signed'; signature: EthereumAppSignature }
  | { kind: 'blind'; reason: string }

/** Sends the generic parser's commands: the app's (`send`, CLA E0) and the OS's (`sendOs`, CLA B0). */
export type GenericParserLink = {
  send: SendCommand
  sendOs: SendCommand
  modelId: string | undefined
}

/** Whether `descriptors` describe this call: then `signWithCalldataDescriptor` takes it. */
export function describesCall(
  descriptors: readonly LedgerDescriptors[],
  call: DescribedCall,
): LedgerCalldataDescriptor | undefined {
  for (const set of descriptors) {
    const found = findCalldataDescriptor(set, call)
    if (found) return found
  }
  return undefined
}

// What the OS and the app answer for a certificate or descriptor they refuse; the call then goes
// blind (the app has reset its context on the error, so signing starts afresh).
const refusals = new Set([
  statusWords.incorrectData,
  statusWords.commandNotAllowed,
  statusWords.insNotSupported,
  0x5720,
  0x422e,
  0x4239,
  0x3302,
])

/**
 * Clear-signs a call with its ERC-7730 descriptor, as Ledger's Device Management Kit sends it:
 * the transaction in store mode, the CALLDATA certificate, TRANSACTION INFO, each enum value
 * (certificate again first), for each field the ERC-20 descriptors of the tokens it names (or the
 * NFT information of its collections) and then the field, and finally the start of the review. `onClear` runs once the device has accepted all
 * of it, before the review starts; a refusal anywhere before that returns `blind` with no review
 * begun and nothing signed.
 */
export async function signWithCalldataDescriptor(
  link: GenericParserLink,
  set: LedgerDescriptors,
  descriptor: LedgerCalldataDescriptor,
  request: { path: string; serializedTransaction: Hex; call: DescribedCall },
  onClear: (reason: string) => void,
): Promise<DescriptorOutcome> {
  const target = certificateTarget(link.modelId)
  const certificate = target && set.certificates[target]
  if (!certificate)
    return {
      kind: 'blind',
      reason: `the descriptors have no certificate for this Ledger model (${link.modelId ?? 'unknown'})`,
    }
  if (!fieldsMatchInfo(descriptor))
    return {
      kind: 'blind',
      reason: 'the descriptor fields do not match its signed transaction info',
    }
  const tokens = await tokenPayloads(set, descriptor, request.call)
  const collections = nftPayloads(set, descriptor, request.call)
  try {
    const { send, sendOs } = link
    await storeTransaction(send, request.path, request.serializedTransaction)
    await loadCertificate(sendOs, calldataKeyUsage, hexToBytes(certificate))
    await provideTransactionInfo(send, hexToBytes(descriptor.transactionInfo))
    for (const entry of descriptor.enums) {
      await loadCertificate(sendOs, calldataKeyUsage, hexToBytes(certificate))
      await provideEnumValue(send, hexToBytes(entry.payload))
    }
    for (const [index, field] of descriptor.fields.entries()) {
      for (const token of tokens[index] ?? []) await provideToken(send, token)
      for (const nft of collections[index] ?? []) await provideNftInformation(send, nft)
      await provideFieldDescription(send, hexToBytes(field.payload))
    }
  } catch (error) {
    const code = statusCodeOf(error)
    if (code === undefined || !refusals.has(code)) throw error
    return { kind: 'blind', reason: `the device refused the descriptor (0x${code.toString(16)})` }
  }
  onClear(`the fields of its ERC-7730 descriptor (${set.signatures} signatures)`)
  return { kind: 'signed', signature: await startTransactionReview(link.send) }
}

// A token descriptor the app refuses (0x6A80) is left out: the field then shows raw units.
async function provideToken(send: SendCommand, payload: Uint8Array): Promise<void> {
  try {
    await send(ins.provideErc20TokenInformation, 0x00, 0x00, payload)
  } catch (error) {
    if (statusCodeOf(error) !== statusWords.incorrectData) throw error
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
