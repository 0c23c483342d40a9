import { sha256 } from '@noble/hashes/sha2'
import { sha3_256 } from '@noble/hashes/sha3'
import { bytesToHex, type Hex, hexToBytes, toBytes } from 'viem'
import { signDigestDer } from './testPki.js'

/** A path step, in the shape of CAL's calldata descriptors (context-module `CalldataDto.ts`). */
export type TestPathElement =
  | { readonly type: 'TUPLE'; readonly offset: number }
  | {
      readonly type: 'ARRAY'
      readonly weight: number
      readonly start?: number
      readonly end?: number
    }
  | { readonly type: 'REF' }
  | {
      readonly type: 'LEAF'
      readonly leaf_type: 'ARRAY_LEAF' | 'TUPLE_LEAF' | 'STATIC_LEAF' | 'DYNAMIC_LEAF'
    }
  | { readonly type: 'SLICE'; readonly start?: number; readonly end?: number }

/** A value reference, in CAL's shape. */
export type TestValue = {
  readonly type_family:
    | 'UINT'
    | 'INT'
    | 'UFIXED'
    | 'FIXED'
    | 'ADDRESS'
    | 'BOOL'
    | 'BYTES'
    | 'STRING'
  readonly type_size?: number
} & (
  | {
      readonly type: 'path'
      readonly binary_path:
        | {
            readonly type: 'CONTAINER'
            readonly value: 'FROM' | 'TO' | 'VALUE' | 'CHAIN_ID'
          }
        | { readonly type: 'DATA'; readonly elements: readonly TestPathElement[] }
    }
  | { readonly type: 'constant'; readonly value: Hex }
)

/** A field parameter, in CAL's shape (the types the emulator plays). */
export type TestParam =
  | { readonly type: 'RAW' | 'AMOUNT' | 'DURATION'; readonly value: TestValue }
  | { readonly type: 'DATETIME'; readonly value: TestValue; readonly encoding?: 0 | 1 }
  | {
      readonly type: 'TOKEN_AMOUNT'
      readonly value: TestValue
      readonly token?: TestValue
      readonly nativeCurrency?: readonly Hex[]
      readonly threshold?: bigint
      readonly message?: string
    }
  | { readonly type: 'ENUM'; readonly value: TestValue; readonly id: number }
  | { readonly type: 'NFT'; readonly value: TestValue; readonly collection: TestValue }
  | {
      readonly type: 'UNIT'
      readonly value: TestValue
      readonly base: string
      readonly decimals?: number
      readonly prefix?: boolean
    }
  | {
      readonly type: 'TRUSTED_NAME'
      readonly value: TestValue
      readonly types: readonly string[]
      readonly sources: readonly string[]
      /** Addresses the app replaces with the signer's own (SENDER_ADDR). */
      readonly senderAddresses?: readonly Hex[]
    }
  | { readonly type: 'TOKEN'; readonly value: TestValue; readonly nativeCurrency?: readonly Hex[] }
  | { readonly type: 'NETWORK'; readonly value: TestValue }
  | {
      /** A nested call: its calldata and callee, and where given its chain, selector, amount, sender. */
      readonly type: 'CALLDATA'
      readonly value: TestValue
      readonly callee: TestValue
      readonly chainId?: TestValue
      readonly selector?: TestValue
      readonly amount?: TestValue
      readonly spender?: TestValue
    }

/** A field: its label, its parameter, and a visibility other than "always" with its constraints. */
export type TestField = {
  readonly label: string
  readonly param: TestParam
  readonly visible?: 'mustBe' | 'ifNotIn' | undefined
  readonly constraints?: readonly Hex[] | undefined
}

/** What TRANSACTION_INFO describes. */
export type TestTransactionInfo = {
  readonly chainId: number
  readonly contract: Hex
  readonly selector: Hex
  readonly operationType: string
  readonly creatorName?: string
  readonly fields: readonly Hex[]
}

/** One ENUM_VALUE entry. */
export type TestEnumValue = {
  readonly chainId: number
  readonly contract: Hex
  readonly selector: Hex
  readonly id: number
  readonly value: number
  readonly name: string
}

const families = { UINT: 1, INT: 2, UFIXED: 3, FIXED: 4, ADDRESS: 5, BOOL: 6, BYTES: 7, STRING: 8 }
const leaves = { ARRAY_LEAF: 1, TUPLE_LEAF: 2, STATIC_LEAF: 3, DYNAMIC_LEAF: 4 }
const containers = { FROM: 0, TO: 1, VALUE: 2, CHAIN_ID: 3 }
const paramTypes = {
  RAW: 0,
  AMOUNT: 1,
  TOKEN_AMOUNT: 2,
  NFT: 3,
  DATETIME: 4,
  DURATION: 5,
  UNIT: 6,
  ENUM: 7,
  TRUSTED_NAME: 8,
  CALLDATA: 9,
  TOKEN: 10,
  NETWORK: 11,
}
// e_name_type and e_name_source (trusted_name.h), as CAL names them.
const nameTypes: Record<string, number> = {
  eoa: 1,
  smart_contract: 2,
  collection: 3,
  token: 4,
  wallet: 5,
  context_address: 6,
}
const nameSources: Record<string, number> = {
  local_address_book: 0,
  crypto_asset_list: 1,
  ens: 2,
  unstoppable_domain: 3,
  freename: 4,
  dns: 5,
  dynamic_resolver: 6,
  mab: 7,
}

/** One TLV entry with DER-style tag and length, as the app reads them. */
export function tlv(tag: number, value: Uint8Array | readonly number[]): Uint8Array {
  const bytes = Uint8Array.from(value)
  return Uint8Array.from([...derInteger(tag), ...derInteger(bytes.length), ...bytes])
}

/** The FIELD payload (E0 28) of a field, as CAL's `descriptor` hex. */
export function encodeTestField(field: TestField): Hex {
  const { param } = field
  const parts: Uint8Array[] = [tlv(0x00, [1]), tlv(0x01, new TextEncoder().encode(field.label))]
  parts.push(tlv(0x02, [paramTypes[param.type]]))
  parts.push(tlv(0x03, encodeParam(param)))
  if (field.visible) parts.push(tlv(0x04, [field.visible === 'mustBe' ? 1 : 2]))
  for (const constraint of field.constraints ?? []) parts.push(tlv(0x05, hexToBytes(constraint)))
  return bytesToHex(concat(parts))
}

/** The TRANSACTION_INFO payload without its signature, and the fields hash it commits to. */
export function encodeTestTransactionInfo(info: TestTransactionInfo): Hex {
  const fieldsHash = sha3_256.create()
  for (const field of info.fields) fieldsHash.update(hexToBytes(field))
  const parts = [
    tlv(0x00, [1]),
    tlv(0x01, minimal(BigInt(info.chainId))),
    tlv(0x02, hexToBytes(info.contract)),
    tlv(0x03, hexToBytes(info.selector)),
    tlv(0x04, fieldsHash.digest()),
    tlv(0x05, new TextEncoder().encode(info.operationType)),
  ]
  if (info.creatorName) parts.push(tlv(0x06, new TextEncoder().encode(info.creatorName)))
  return bytesToHex(concat(parts))
}

/** The ENUM_VALUE payload without its signature. */
export function encodeTestEnumValue(entry: TestEnumValue): Hex {
  return bytesToHex(
    concat([
      tlv(0x00, [1]),
      tlv(0x01, minimal(BigInt(entry.chainId))),
      tlv(0x02, hexToBytes(entry.contract)),
      tlv(0x03, hexToBytes(entry.selector)),
      tlv(0x04, [entry.id]),
      tlv(0x05, [entry.value]),
      tlv(0x06, new TextEncoder().encode(entry.name)),
    ]),
  )
}

/**
 * CAL's signature of a TRANSACTION_INFO or ENUM_VALUE payload: DER ECDSA over its SHA-256, by the
 * key a CALLDATA certificate certifies. Hosts append it as `81 FF || len || signature`.
 * TEST KEYS ONLY.
 */
export function signTestDescriptor(privateKey: Hex, payload: Hex): Hex {
  return bytesToHex(signDigestDer(privateKey, sha256(hexToBytes(payload))))
}

function encodeParam(param: TestParam): Uint8Array {
  const parts = [tlv(0x00, [1])]
  if (param.type === 'ENUM') {
    parts.push(tlv(0x01, [param.id]), tlv(0x02, encodeValue(param.value)))
    return concat(parts)
  }
  if (param.type === 'CALLDATA') {
    // gcs.py ParamCalldata.serialize: calldata, callee, then the optional references.
    parts.push(tlv(0x01, encodeValue(param.value)), tlv(0x02, encodeValue(param.callee)))
    if (param.chainId) parts.push(tlv(0x03, encodeValue(param.chainId)))
    if (param.selector) parts.push(tlv(0x04, encodeValue(param.selector)))
    if (param.amount) parts.push(tlv(0x05, encodeValue(param.amount)))
    if (param.spender) parts.push(tlv(0x06, encodeValue(param.spender)))
    return concat(parts)
  }
  if (param.type === 'NFT') {
    parts.push(tlv(0x01, encodeValue(param.value)), tlv(0x02, encodeValue(param.collection)))
    return concat(parts)
  }
  parts.push(tlv(0x01, encodeValue(param.value)))
  if (param.type === 'UNIT') {
    parts.push(tlv(0x02, new TextEncoder().encode(param.base)))
    if (param.decimals !== undefined) parts.push(tlv(0x03, [param.decimals]))
    if (param.prefix !== undefined) parts.push(tlv(0x04, [param.prefix ? 1 : 0]))
  }
  if (param.type === 'TRUSTED_NAME') {
    parts.push(
      tlv(
        0x02,
        param.types.map((t) => nameTypes[t] ?? 0),
      ),
    )
    parts.push(
      tlv(
        0x03,
        param.sources.map((s) => nameSources[s] ?? 0xff),
      ),
    )
    for (const address of param.senderAddresses ?? []) parts.push(tlv(0x04, hexToBytes(address)))
  }
  if (param.type === 'TOKEN') {
    for (const address of param.nativeCurrency ?? []) parts.push(tlv(0x02, hexToBytes(address)))
  }
  if (param.type === 'DATETIME') parts.push(tlv(0x02, [param.encoding ?? 0]))
  if (param.type === 'TOKEN_AMOUNT') {
    if (param.token) parts.push(tlv(0x02, encodeValue(param.token)))
    for (const address of param.nativeCurrency ?? []) parts.push(tlv(0x03, hexToBytes(address)))
    if (param.threshold !== undefined) parts.push(tlv(0x04, minimal(param.threshold)))
    if (param.message) parts.push(tlv(0x05, new TextEncoder().encode(param.message)))
  }
  return concat(parts)
}

function encodeValue(value: TestValue): Uint8Array {
  const parts = [tlv(0x00, [1]), tlv(0x01, [families[value.type_family]])]
  if (value.type_size !== undefined) parts.push(tlv(0x02, [value.type_size]))
  if (value.type === 'constant') parts.push(tlv(0x05, hexToBytes(value.value)))
  else if (value.binary_path.type === 'CONTAINER') {
    parts.push(tlv(0x04, [containers[value.binary_path.value]]))
  } else {
    const steps = [tlv(0x00, [1]), ...value.binary_path.elements.map(encodeElement)]
    parts.push(tlv(0x03, concat(steps)))
  }
  return concat(parts)
}

function encodeElement(element: TestPathElement): Uint8Array {
  switch (element.type) {
    case 'TUPLE':
      return tlv(0x01, int16(element.offset))
    case 'ARRAY': {
      const args = [tlv(0x01, [element.weight])]
      if (element.start !== undefined) args.push(tlv(0x02, int16(element.start)))
      if (element.end !== undefined) args.push(tlv(0x03, int16(element.end)))
      return tlv(0x02, concat(args))
    }
    case 'REF':
      return tlv(0x03, [])
    case 'LEAF':
      return tlv(0x04, [leaves[element.leaf_type]])
    case 'SLICE': {
      const args: Uint8Array[] = []
      if (element.start !== undefined) args.push(tlv(0x01, int16(element.start)))
      if (element.end !== undefined) args.push(tlv(0x02, int16(element.end)))
      return tlv(0x05, concat(args))
    }
  }
}

function int16(value: number): number[] {
  const v = value & 0xffff
  return [v >> 8, v & 0xff]
}

function minimal(value: bigint): Uint8Array {
  return value === 0n ? Uint8Array.of(0) : toBytes(value)
}

function derInteger(value: number): number[] {
  if (value < 0x80) return [value]
  if (value < 0x100) return [0x81, value]
  return [0x82, value >> 8, value & 0xff]
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** A contract function as a test descriptor describes it (the fixtures' shape). */
export type TestDescribedFunction = {
  readonly selector: Hex
  readonly intent: string
  readonly fields: readonly TestField[]
  readonly enums?: Readonly<Record<number, Readonly<Record<number, string>>>>
}

/** CAL's calldata descriptor for one function (context-module `CalldataDescriptorV1`). */
export type TestCalldataDescriptor = {
  readonly type: 'calldata'
  readonly version: 'v1'
  readonly transaction_info: {
    readonly descriptor: { readonly data: Hex; readonly signatures: { readonly test: Hex } }
  }
  readonly enums: Record<
    number,
    Record<number, { readonly data: Hex; readonly signatures: { readonly test: Hex } }>
  >
  readonly fields: readonly { readonly descriptor: Hex; readonly param: TestParam }[]
}

/**
 * The calldata descriptor CAL would serve for `fn` of `contract`, signed with a TEST calldata key
 * (under `signatures.test`, as CAL's test signatures are). TEST KEYS ONLY.
 */
export function signTestCalldataDescriptor(
  contract: { readonly chainId: number; readonly address: Hex; readonly owner?: string },
  fn: TestDescribedFunction,
  privateKey: Hex,
): TestCalldataDescriptor {
  const fields = fn.fields.map((field) => ({
    descriptor: encodeTestField(field),
    param: field.param,
  }))
  const info = encodeTestTransactionInfo({
    chainId: contract.chainId,
    contract: contract.address,
    selector: fn.selector,
    operationType: fn.intent,
    ...(contract.owner ? { creatorName: contract.owner } : {}),
    fields: fields.map((field) => field.descriptor),
  })
  const enums: TestCalldataDescriptor['enums'] = {}
  for (const [id, values] of Object.entries(fn.enums ?? {})) {
    const entries: TestCalldataDescriptor['enums'][number] = {}
    for (const [value, name] of Object.entries(values)) {
      const data = encodeTestEnumValue({
        chainId: contract.chainId,
        contract: contract.address,
        selector: fn.selector,
        id: Number(id),
        value: Number(value),
        name,
      })
      entries[Number(value)] = { data, signatures: { test: signTestDescriptor(privateKey, data) } }
    }
    enums[Number(id)] = entries
  }
  return {
    type: 'calldata',
    version: 'v1',
    transaction_info: {
      descriptor: { data: info, signatures: { test: signTestDescriptor(privateKey, info) } },
    },
    enums,
    fields,
  }
}
