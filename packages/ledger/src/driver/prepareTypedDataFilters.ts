import type { SignTypedDataRequest } from '@airlock/core'
import { compareVersions } from '@airlock/core/utils'
import { type Address, type Hex, isAddress } from 'viem'
import type { Eip712FieldFilter, Eip712FieldFormat, Eip712Filters } from '../app/eip712/filters.js'
import type { Eip712TypedData } from '../app/eip712/signEip712Message.js'
import { findTokenDescriptor } from '../descriptors/findTokenDescriptor.js'
import { ledgerAppVersions } from './toLedgerCapabilities.js'
import { unreachedFilterPaths } from './unreachedFilterPaths.js'
import { valuesAtPath } from './valuesAtPath.js'

type TypedData = SignTypedDataRequest['typedData']

/** The filters to send for a message, or why there are none. */
export type PreparedTypedDataFilters =
  | { filters: Eip712Filters; reason: string }
  | { filters: undefined; reason: string }

/** The verifyingContract's token, for a Permit's amount (`coin_ref` 255 in Ledger's data). */
const verifyingContractToken = 255
const formats = new Set<string>(['raw', 'datetime', 'token', 'amount'])

/**
 * Ledger's signed filters for this message from the bundled descriptors, in the version the app
 * takes (v1 before 1.11.1), with the token descriptors the amounts refer to. None when the bundle
 * does not cover the message, they do not apply to its primary type and fields (the app would
 * refuse to sign without every filter it was announced), or Airlock cannot send them as they are:
 * the device then shows every
 * field (apps before 1.12.0) or needs blind signing or verbose EIP-712.
 */
export async function prepareTypedDataFilters(
  typedData: TypedData,
  version: string,
): Promise<PreparedTypedDataFilters> {
  const none = (reason: string) => ({ filters: undefined, reason })
  // The filters' index (154 messages) and the schema hash load with the first typed data.
  const { findTypedDataFilters } = await import('../descriptors/findTypedDataFilters.js')
  const found = await findTypedDataFilters(typedData as never)
  if (!found) return none('Airlock has no Ledger filters for this message')
  const atLeast = (minimum: string) => compareVersions(version, minimum) >= 0
  const v2 = atLeast(ledgerAppVersions.eip712FiltersV2)
  const entry = v2 ? found.v2 : found.v1
  if (!entry)
    return none(`Ledger's filters for this message need another app version than ${version}`)
  const fields: Eip712FieldFilter[] = []
  for (const field of entry.fields) {
    const format = v2 ? (field as { format?: string }).format : 'raw'
    if (!format || !formats.has(format))
      return none(
        `Ledger's filters for this message use a format Airlock does not send (${format})`,
      )
    fields.push({
      path: field.path,
      format: format as Eip712FieldFormat,
      label: field.label,
      signature: toHex(field.signature),
      tokenIndex: (field as { coin_ref?: number }).coin_ref,
    })
  }
  const discardEmptyArrays = atLeast(ledgerAppVersions.eip712DiscardedFilters)
  const paths = fields.map((field) => field.path)
  const [unreached] = unreachedFilterPaths(typedData as Eip712TypedData, paths, discardEmptyArrays)
  if (unreached !== undefined)
    return none(
      `Ledger's filters for ${entry.contractName.label} do not apply to this ${typedData.primaryType} message (it has no ${unreached})`,
    )
  const chainId = Number(typedData.domain?.chainId)
  const tokens = new Map<number, Uint8Array>()
  for (const field of fields) {
    if (field.tokenIndex === undefined || tokens.has(field.tokenIndex)) continue
    if (field.format === 'token') {
      const addresses = new Set(
        valuesAtPath(typedData.message, field.path).map((value) => String(value).toLowerCase()),
      )
      if (addresses.size > 1)
        return none(`the message names several tokens at ${field.path}, under one token reference`)
      const [address] = addresses
      // A token the bundle lacks shows as "???", without decimals: still in clear.
      if (!address || !isAddress(address)) continue
      const token = await findTokenDescriptor(chainId, address as Address)
      if (token) tokens.set(field.tokenIndex, token.payload)
    } else if (field.format === 'amount' && field.tokenIndex === verifyingContractToken) {
      const address = typedData.domain?.verifyingContract
      const token = address && (await findTokenDescriptor(chainId, address))
      // The app refuses the amount of a Permit whose token it was not given.
      if (!token) return none(`Airlock has no Ledger descriptor for the token ${address}`)
      tokens.set(verifyingContractToken, token.payload)
    }
  }
  return {
    filters: {
      messageInfo: {
        label: entry.contractName.label,
        signature: toHex(entry.contractName.signature),
      },
      fields,
      tokens,
      discardEmptyArrays,
    },
    reason: `Ledger's clear-signing filters for ${entry.contractName.label}`,
  }
}

function toHex(signature: string): Hex {
  return (signature.startsWith('0x') ? signature : `0x${signature}`) as Hex
}
