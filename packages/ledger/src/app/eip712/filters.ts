import { type Hex, hexToBytes, stringToBytes } from 'viem'

/** How the app shows a filtered field (app-ethereum `filtering.c`; filters v2, app 1.11.0). */
export type Eip712FieldFormat = 'raw' | 'datetime' | 'token' | 'amount'

/** A Ledger-signed filter for one field of the message, by its path (`details.amount`, `a.[].b`). */
export type Eip712FieldFilter = {
  path: string
  format: Eip712FieldFormat
  label: string
  /** DER signature by Ledger's CAL key, as hex. */
  signature: Hex
  /** For `token` and `amount`: which token the amount joins; 255 is the domain's verifyingContract. */
  tokenIndex?: number | undefined
}

/** Everything the app needs to show a message in clear, with Ledger's signatures. */
export type Eip712Filters = {
  /** The message's display name (the "Contract" screen) and its signature. */
  messageInfo: { label: string; signature: Hex }
  fields: readonly Eip712FieldFilter[]
  /**
   * Token descriptors (PROVIDE ERC 20 TOKEN INFORMATION payloads) by token index, sent just
   * before the filter that refers to them. A token missing here shows as `???` without decimals.
   */
  tokens: ReadonlyMap<number, Uint8Array>
  /** Send filters of fields inside empty arrays as discarded (app 1.12.0). */
  discardEmptyArrays: boolean
}

/** EIP712 FILTERING's P2 for each kind of filter APDU. */
export const filterP2 = {
  activation: 0x00,
  discardedPath: 0x01,
  messageInfo: 0x0f,
  datetime: 0xfc,
  token: 0xfd,
  amount: 0xfe,
  raw: 0xff,
} as const

/** Message info: `nameLength || name || filtersCount || sigLength || sig`. */
export function encodeMessageInfo(
  messageInfo: Eip712Filters['messageInfo'],
  filtersCount: number,
): Uint8Array {
  return Uint8Array.from([
    ...lengthPrefixed(stringToBytes(messageInfo.label)),
    filtersCount,
    ...lengthPrefixed(hexToBytes(messageInfo.signature)),
  ])
}

/** A field filter's payload, by format: label and/or token index, then the signature. */
export function encodeFieldFilter(filter: Eip712FieldFilter): Uint8Array {
  const label = lengthPrefixed(stringToBytes(filter.label))
  const signature = lengthPrefixed(hexToBytes(filter.signature))
  const tokenIndex = filter.tokenIndex ?? 0
  switch (filter.format) {
    case 'raw':
    case 'datetime':
      return Uint8Array.from([...label, ...signature])
    case 'token':
      return Uint8Array.from([tokenIndex, ...signature])
    case 'amount':
      return Uint8Array.from([...label, tokenIndex, ...signature])
  }
}

/** Discarded filter path: `pathLength || path`, for a filter of a field in an empty array. */
export function encodeDiscardedPath(path: string): Uint8Array {
  return Uint8Array.from(lengthPrefixed(stringToBytes(path)))
}

function lengthPrefixed(bytes: Uint8Array): number[] {
  return [bytes.length, ...bytes]
}
