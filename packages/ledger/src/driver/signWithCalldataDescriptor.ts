import { type Hex, hexToBytes } from 'viem'
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
import { readCalldataValues } from '../clearSigning/readCalldataAddresses.js'
import type { LedgerCalldataDescriptor, LedgerDescriptors } from '../clearSigning/types.js'
import {
  type DescribedCall,
  type PlannedCall,
  planDescribedCall,
  type ResolveInnerDescriptors,
} from './planDescribedCall.js'
import { statusCodeOf } from './statusCodeOf.js'

/** The CALLDATA and TRUSTED_NAME key usages of Ledger's PKI (LOAD CERTIFICATE P1). */
const calldataKeyUsage = 0x0b
const trustedNameKeyUsage = 0x04

/** Fetched mode's proxy info, asked for with the device's challenge (DMK's `proxy/delegate`). */
export type FetchProxyInfo = (challenge: number) => Promise<Hex | undefined>

export type { DescribedCall } from './planDescribedCall.js'

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
 * descriptors of the tokens it names, then the field, and right after a CALLDATA field the inner
 * calls it names, each its certificate, TRANSACTION INFO and fields likewise (DMK's
 * BuildFullContextsTask); finally the start of the review (test/dmk checks it against DMK).
 * `onClear` runs once the device has accepted all of it, before the review starts; a refusal
 * anywhere before that returns `blind` with no review begun and nothing signed. An inner call
 * without a descriptor (`resolveInner` finds none) makes the call blind before any APDU: the
 * device would not start the review.
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
    resolveInner?: ResolveInnerDescriptors | undefined
  },
  onClear: (reason: string) => void,
): Promise<DescriptorOutcome> {
  const target = certificateTarget(link.modelId)
  const certificate = target && set.certificates[target]
  if (!target || !certificate)
    return {
      kind: 'blind',
      reason: `the descriptors have no certificate for this Ledger model (${link.modelId ?? 'unknown'})`,
    }
  const proxy = findProxyInfo(set, request.call)
  const proxyCertificate = proxy && set.trustedNameCertificates?.[target]
  if (proxy && !proxyCertificate)
    return {
      kind: 'blind',
      reason: `the descriptors have no proxy certificate for this Ledger model (${link.modelId ?? 'unknown'})`,
    }
  const plan = await planDescribedCall(set, descriptor, request.call, target, request.resolveInner)
  if ('blind' in plan) return { kind: 'blind', reason: plan.blind }
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
    await describeCall({ send, sendOs }, plan)
  } catch (error) {
    const code = statusCodeOf(error)
    if (code === undefined || !refusals.has(code)) throw error
    return { kind: 'blind', reason: `the device refused the descriptor (0x${code.toString(16)})` }
  }
  onClear(`the fields of its ERC-7730 descriptor (${set.signatures} signatures)`)
  return { kind: 'signed', signature: await startTransactionReview(link.send) }
}

// One planned call's certificate, TRANSACTION INFO and fields, each CALLDATA field followed by
// the inner calls it names.
async function describeCall(
  link: { send: SendCommand; sendOs: SendCommand },
  plan: PlannedCall,
): Promise<void> {
  const { send, sendOs } = link
  const { descriptor, call, certificate } = plan
  await loadCertificate(sendOs, calldataKeyUsage, hexToBytes(certificate))
  await provideTransactionInfo(send, hexToBytes(descriptor.transactionInfo))
  for (const [index, field] of descriptor.fields.entries()) {
    for (const entry of enumValues(descriptor, field, call)) {
      await loadCertificate(sendOs, calldataKeyUsage, hexToBytes(certificate))
      await provideEnumValue(send, hexToBytes(entry.payload))
    }
    for (const token of plan.tokens[index] ?? []) await provideToken(send, token)
    for (const nft of plan.collections[index] ?? []) await provideNftInformation(send, nft)
    await provideFieldDescription(send, hexToBytes(field.payload))
    for (const inner of plan.inner[index] ?? []) await describeCall(link, inner)
  }
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
