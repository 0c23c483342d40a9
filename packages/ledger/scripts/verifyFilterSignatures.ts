import { secp256k1 } from '@noble/curves/secp256k1'
import { sha256 } from '@noble/hashes/sha2'
import { concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils'
import type { Eip712FiltersV1, Eip712FiltersV2 } from '../src/descriptors/types.js'
import { ledgerProductionCalKey } from './verifyTokenSignatures.js'

/** The first byte of each filter's signed message (app-ethereum `filtering.c`, `FILT_MAGIC_*`). */
const magic = { messageInfo: 183, raw: 72, datetime: 33, token: 11, amount: 22 } as const

/**
 * What the Ethereum app hashes to check one filter (app-ethereum `filtering.c`,
 * `sig_verif_start` and the `filtering_*` handlers): `magic ‖ chainId (u64) ‖ verifyingContract ‖
 * schemaHash (SHA-224, 28 bytes)`, then the filter's own part: the filters count and display name
 * for the message info; the field path, then the label and/or token index, by format.
 */
export function filterSignedMessage(
  key: string,
  filter:
    | { kind: 'messageInfo'; label: string; filtersCount: number }
    | {
        kind: keyof Omit<typeof magic, 'messageInfo'>
        path: string
        label: string
        tokenIndex?: number
      },
): Uint8Array {
  const [chainId, contract, schemaHash] = key.split(':') as [string, string, string]
  const chain = new Uint8Array(8)
  new DataView(chain.buffer).setBigUint64(0, BigInt(chainId))
  const prefix = concatBytes(
    Uint8Array.of(magic[filter.kind]),
    chain,
    hexToBytes(contract.slice(2)),
    hexToBytes(schemaHash),
  )
  const label = utf8ToBytes(filter.label)
  if (filter.kind === 'messageInfo')
    return concatBytes(prefix, Uint8Array.of(filter.filtersCount), label)
  const path = utf8ToBytes(filter.path)
  const tokenIndex = Uint8Array.of(filter.tokenIndex ?? 0)
  if (filter.kind === 'token') return concatBytes(prefix, path, tokenIndex)
  if (filter.kind === 'amount') return concatBytes(prefix, path, label, tokenIndex)
  return concatBytes(prefix, path, label)
}

/** Whether Ledger's key signed this message (DER ECDSA over its SHA-256), as the app checks it. */
export function isFilterSignedByLedger(
  message: Uint8Array,
  signature: string,
  publicKey = ledgerProductionCalKey,
): boolean {
  try {
    return secp256k1.verify(hexToBytes(signature), sha256(message), publicKey, {
      format: 'der',
      prehash: false,
      lowS: false,
    })
  } catch {
    return false
  }
}

/**
 * What is wrong with a message's filters, one line each: empty when the message info and every
 * field filter verify. Filters v1 are all raw fields; v2 say their format.
 */
export function findFilterSignatureProblems(
  key: string,
  filters: Eip712FiltersV1 | Eip712FiltersV2,
  version: 'v1' | 'v2',
): string[] {
  const problems: string[] = []
  const { contractName, fields } = filters
  const info = {
    kind: 'messageInfo',
    label: contractName.label,
    filtersCount: fields.length,
  } as const
  if (!isFilterSignedByLedger(filterSignedMessage(key, info), contractName.signature))
    problems.push(`${key} ${version} message info "${contractName.label}"`)
  for (const field of fields) {
    const { format = 'raw', coin_ref } = field as { format?: keyof typeof magic; coin_ref?: number }
    const kind = version === 'v1' ? 'raw' : format
    if (kind === 'messageInfo' || !(kind in magic)) {
      problems.push(`${key} ${version} ${field.path}: unknown format ${kind}`)
      continue
    }
    const message = filterSignedMessage(key, {
      kind,
      path: field.path,
      label: field.label,
      tokenIndex: coin_ref,
    })
    if (!isFilterSignedByLedger(message, field.signature))
      problems.push(`${key} ${version} ${field.path} (${kind}) "${field.label}"`)
  }
  return problems
}
