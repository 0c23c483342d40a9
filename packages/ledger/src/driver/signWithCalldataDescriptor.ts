import { sha3_256 } from '@noble/hashes/sha3'
import { type Address, bytesToHex, type Hex, hexToBytes } from 'viem'
import { getChallenge } from '../app/genericParser/getChallenge.js'
import { loadCertificate } from '../app/genericParser/loadCertificate.js'
import { provideEnumValue } from '../app/genericParser/provideEnumValue.js'
import { provideFieldDescription } from '../app/genericParser/provideFieldDescription.js'
import { provideNftInformation } from '../app/genericParser/provideNftInformation.js'
import { provideProxyInfo } from '../app/genericParser/provideProxyInfo.js'
import { provideTransactionInfo } from '../app/genericParser/provideTransactionInfo.js'
import { startTransactionReview } from '../app/genericParser/startTransactionReview.js'
import { storeTransaction } from '../app/genericParser/storeTransaction.js'
import { getAddress } from '../app/getAddress.js'
import * as ins from '../app/ins.js'
import * as statusWords from '../app/statusWords.js'
import type { EthereumAppSignature, SendCommand } from '../app/types.js'
import { certificateTarget } from '../clearSigning/certificateTarget.js'
import { findCalldataDescriptor, findProxyInfo } from '../clearSigning/findCalldataDescriptor.js'
import { readCalldataAddresses, readCalldataValues } from '../clearSigning/readCalldataAddresses.js'
import type { LedgerCalldataDescriptor, LedgerDescriptors } from '../clearSigning/types.js'
import { findTokenDescriptor } from '../descriptors/findTokenDescriptor.js'
import { showsNestedCalldata } from './nestedCalldata.js'
import { statusCodeOf } from './statusCodeOf.js'

/** The CALLDATA and TRUSTED_NAME key usages of Ledger's PKI (LOAD CERTIFICATE P1). */
const calldataKeyUsage = 0x0b
const trustedNameKeyUsage = 0x04

/** Fetched mode's proxy info, asked for with the device's challenge (DMK's `proxy/delegate`). */
export type FetchProxyInfo = (challenge: number) => Promise<Hex | undefined>

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
// blind. The app resets its context on its own errors (src/main.c); after the OS's, `resetApp` does.
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
 * for a call to a proxy whose implementation the descriptor is for, first the TRUSTED_NAME
 * certificate and the proxy info (fetched mode asks the device's challenge first, and the proxy
 * info for it); then the transaction in store mode, the CALLDATA certificate, TRANSACTION INFO,
 * then for each field the enum values it reads (certificate again first) or the ERC-20
 * descriptors of the tokens it names, then the field, and finally the start of the review
 * (test/dmk checks it against DMK). `onClear` runs once the device has accepted all of it, before
 * the review starts; a refusal anywhere before that returns `blind` with no review begun and
 * nothing signed.
 */
export async function signWithCalldataDescriptor(
  link: GenericParserLink,
  set: LedgerDescriptors,
  descriptor: LedgerCalldataDescriptor,
  request: {
    path: string
    serializedTransaction: Hex
    call: DescribedCall
    fetchProxyInfo?: FetchProxyInfo | undefined
  },
  onClear: (reason: string) => void,
): Promise<DescriptorOutcome> {
  const target = certificateTarget(link.modelId)
  const certificate = target && set.certificates[target]
  if (!certificate)
    return {
      kind: 'blind',
      reason: `the descriptors have no certificate for this Ledger model (${link.modelId ?? 'unknown'})`,
    }
  const proxy = findProxyInfo(set, request.call)
  const proxyCertificate = proxy && target && set.trustedNameCertificates?.[target]
  if (proxy && !proxyCertificate)
    return {
      kind: 'blind',
      reason: `the descriptors have no proxy certificate for this Ledger model (${link.modelId ?? 'unknown'})`,
    }
  if (showsNestedCalldata(descriptor))
    return {
      kind: 'blind',
      reason: 'the descriptor shows a nested call, which Airlock does not send to the device yet',
    }
  if (!fieldsMatchInfo(descriptor))
    return {
      kind: 'blind',
      reason: 'the descriptor fields do not match its signed transaction info',
    }
  const tokens = await tokenPayloads(set, descriptor, request.call)
  const collections = nftPayloads(set, descriptor, request.call)
  let stored = false
  const { send } = link
  const sendOs: SendCommand = async (...command) => {
    try {
      return await link.sendOs(...command)
    } catch (error) {
      // The OS refused: unlike an app error, this leaves the stored transaction in the app.
      if (stored) await resetApp(send, request.path)
      throw error
    }
  }
  try {
    if (proxy && proxyCertificate) {
      const payload = request.fetchProxyInfo
        ? await request.fetchProxyInfo(await getChallenge(send))
        : proxy.payload
      if (!payload)
        return {
          kind: 'blind',
          reason: "Ledger's metadata service gave no proxy info for this call",
        }
      await loadCertificate(sendOs, trustedNameKeyUsage, hexToBytes(proxyCertificate))
      await provideProxyInfo(send, hexToBytes(payload))
    }
    await storeTransaction(send, request.path, request.serializedTransaction)
    stored = true
    await loadCertificate(sendOs, calldataKeyUsage, hexToBytes(certificate))
    await provideTransactionInfo(send, hexToBytes(descriptor.transactionInfo))
    for (const [index, field] of descriptor.fields.entries()) {
      for (const entry of enumValues(descriptor, field, request.call)) {
        await loadCertificate(sendOs, calldataKeyUsage, hexToBytes(certificate))
        await provideEnumValue(send, hexToBytes(entry.payload))
      }
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

// GET ADDRESS starts with `reset_app_context()` (cmd_get_public_key.c): without it, the transaction
// stored before a refused certificate stays, and the next request's first SIGN TX chunk resets the
// app then, dropping the token descriptors sent for that request.
async function resetApp(send: SendCommand, path: string): Promise<void> {
  try {
    await getAddress(send, path, { display: false, chainCode: false })
  } catch (error) {
    if (statusCodeOf(error) === undefined) throw error // an app error resets the context too
  }
}

// The ENUM_VALUE of each value an enum field reads in the calldata (its last byte), as DMK's
// BuildSubcontextsTask picks them: the app keeps every enum value it is given in its small heap,
// so it gets only those the review shows, not all of the descriptor's.
function enumValues(
  descriptor: LedgerCalldataDescriptor,
  field: LedgerCalldataDescriptor['fields'][number],
  call: DescribedCall,
): LedgerCalldataDescriptor['enums'] {
  if (!field.enum) return []
  const { id } = field.enum
  return readCalldataValues(field.enum.value, call).flatMap((bytes) =>
    descriptor.enums.filter((entry) => entry.id === id && entry.value === bytes.at(-1)),
  )
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
