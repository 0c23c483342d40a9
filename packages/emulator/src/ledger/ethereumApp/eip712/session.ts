import type { EmulatorScreen } from '../../../common/types.js'

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
  readonly screens: EmulatorScreen[]
  filtering: boolean
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
    screens: [],
    filtering: false,
  }
}
