/** Atomic or custom type of an EIP-712 struct field, as sent in a struct definition. */
export type Eip712FieldKind =
  | 'custom'
  | 'int'
  | 'uint'
  | 'address'
  | 'bool'
  | 'string'
  | 'bytesN'
  | 'bytes'

/** One field of a struct definition (EIP712 SEND STRUCT DEFINITION, P2 FF). */
export type Eip712Field = {
  readonly name: string
  readonly kind: Eip712FieldKind
  /** Struct name for `custom`. */
  readonly structName: string
  /** Size in bytes for int, uint and bytesN. */
  readonly size: number | undefined
  /** Array levels as written (`T[3][]`: `[3, null]`, the last is outermost); `null` is dynamic. */
  readonly arrayLevels: readonly (number | null)[]
}

/** A struct (or array) whose members are being received, with the members' encodings so far. */
export type Eip712Frame =
  | {
      readonly kind: 'struct'
      readonly structName: string
      readonly key: string
      index: number
      readonly encoded: Uint8Array[]
    }
  | {
      readonly kind: 'array'
      readonly field: Eip712Field
      /** How many array levels are already opened, this one included. */
      readonly depth: number
      length: number | undefined
      index: number
      readonly encoded: Uint8Array[]
    }

/** How the app displays a message: every field (`basic`), or only what CAL filters name (`full`). */
export type Eip712FilteringMode = 'basic' | 'full'

/** What the filter received for the upcoming field says about it (ui_logic.c UI_712_* flags). */
export type Eip712FieldFlags = {
  shown: boolean
  nameProvided: boolean
  amountJoin: boolean
  datetime: boolean
  trustedName: boolean
}

/** One amount-join (token + value fields shown as one amount), keyed by token slot index. */
export type Eip712AmountJoin = {
  name: string
  tokenReceived: boolean
  value: Uint8Array | undefined
}

/** A review pair as the app builds it: the title first, the value once the field completes. */
export type Eip712Pair = { title: string; value: string | undefined }

/** EIP-712 full-mode state: definitions, the value tree being received, and the hashes so far. */
export type Eip712Session = {
  readonly structs: Map<string, Eip712Field[]>
  currentStruct: string | undefined
  stack: Eip712Frame[]
  root: 'domain' | 'message' | undefined
  domainHash: Uint8Array | undefined
  messageHash: Uint8Array | undefined
  /** A field value split over several APDUs (P1 01 partial). */
  pendingValue: { expected: number; bytes: Uint8Array } | undefined
  /** The review pairs so far (`ui_ctx->ui_pairs`). */
  readonly pairs: Eip712Pair[]
  /** The review flow began (`appState == APP_STATE_SIGNING_EIP712`): the settings were checked. */
  started: boolean
  filteringMode: Eip712FilteringMode
  /** SHA-224 of the types JSON, computed when filtering is activated (schema_hash.c). */
  schemaHash: Uint8Array | undefined
  /** The domain's `chainId` and `verifyingContract`, which filter signatures cover. */
  chainId: bigint
  verifyingContract: Uint8Array
  messageInfo: { readonly name: string; readonly filtersCount: number } | undefined
  /** Distinct paths of the field filters received (the app keeps their CRC-32). */
  readonly filterPaths: Set<string>
  /** Path announced by a "discarded path" filter, for the next filter only. */
  discardedPath: string | undefined
  fieldFlags: Eip712FieldFlags
  /** Token slot and part the next amount-join field is for. */
  amountJoin: { index: number; part: 'token' | 'value' }
  readonly amountJoins: Map<number, Eip712AmountJoin>
}

/** No flag set. */
export function noFieldFlags(): Eip712FieldFlags {
  return {
    shown: false,
    nameProvided: false,
    amountJoin: false,
    datetime: false,
    trustedName: false,
  }
}

/** A fresh session. */
export function createEip712Session(): Eip712Session {
  return {
    structs: new Map(),
    currentStruct: undefined,
    stack: [],
    root: undefined,
    domainHash: undefined,
    messageHash: undefined,
    pendingValue: undefined,
    pairs: [],
    started: false,
    filteringMode: 'basic',
    schemaHash: undefined,
    chainId: 0n,
    verifyingContract: new Uint8Array(20),
    messageInfo: undefined,
    filterPaths: new Set(),
    discardedPath: undefined,
    fieldFlags: noFieldFlags(),
    amountJoin: { index: 0, part: 'token' },
    amountJoins: new Map(),
  }
}
