import type { Address } from 'viem'

/** A token as Ledger's signed list describes it, with the data the Ethereum app takes for it. */
export type TokenDescriptor = {
  chainId: number
  address: Address
  ticker: string
  decimals: number
  /**
   * The data of the Ethereum app's PROVIDE ERC 20 TOKEN INFORMATION (INS 0x0A), as Ledger signed
   * it: `u8 tickerLength ‖ ticker ‖ address (20 bytes) ‖ u32 decimals ‖ u32 chainId ‖ DER signature`.
   */
  payload: Uint8Array
}

/** A label and Ledger's DER signature (hex, no 0x) of it, as the EIP-712 filtering APDUs send them. */
export type Eip712SignedLabel = {
  label: string
  signature: string
}

/** A field of the message to show: its dotted path in the message (`details.amount`, `to.[]`). */
export type Eip712FieldFilterV1 = Eip712SignedLabel & {
  path: string
}

/** How the app shows a field, from Ethereum app 1.11.1 on. */
export type Eip712FieldFormat =
  | 'raw'
  | 'amount'
  | 'token'
  | 'datetime'
  // Formats Ledger's list may add later; the app refuses what it does not know.
  | (string & {})

export type Eip712FieldFilterV2 = Eip712FieldFilterV1 & {
  format: Eip712FieldFormat
  /**
   * For `token` and `amount` fields, the index that pairs an amount with its token; 255 stands for
   * the domain's verifyingContract as the token.
   */
  coin_ref?: number
}

/** Ledger's signed filters for one EIP-712 message, for Ethereum app versions before 1.11.1. */
export type Eip712FiltersV1 = {
  contractName: Eip712SignedLabel
  fields: Eip712FieldFilterV1[]
}

/** Ledger's signed filters for one EIP-712 message, for Ethereum app 1.11.1 and later. */
export type Eip712FiltersV2 = {
  contractName: Eip712SignedLabel
  fields: Eip712FieldFilterV2[]
}

/** The filters of one message, under its key `<chainId>:<verifyingContract lowercase>:<schemaHash>`. */
export type TypedDataFilters = {
  key: string
  v1?: Eip712FiltersV1
  v2?: Eip712FiltersV2
}
