import {
  getTypesForEIP712Domain,
  isAddress,
  isHex,
  type TypedDataDefinition,
  validateTypedData,
} from 'viem'
import { describeValue } from '../../errors/describeValue.js'
import { InvalidRequestError } from '../../errors/request.js'
import type { SignTypedDataRequest } from '../../signer/types.js'

/**
 * Validates EIP-712 typed data and makes `types.EIP712Domain` explicit, derived from the domain when
 * the app left it out (as viem allows). Devices hash the domain from these types, so leaving them out
 * would make the device sign for another domain.
 */
export function normalizeTypedData(
  typedData: TypedDataDefinition,
): SignTypedDataRequest['typedData'] {
  if (!typedData || typeof typedData !== 'object' || !typedData.types || !typedData.primaryType)
    throw new InvalidRequestError({
      reason: 'typed data needs `types`, `primaryType` and `message`',
    })
  const domain = typedData.domain ?? {}
  const types: Record<string, readonly { name: string; type: string }[]> = {
    ...(typedData.types as Record<string, readonly { name: string; type: string }[]>),
    EIP712Domain:
      (typedData.types as Record<string, readonly { name: string; type: string }[]>).EIP712Domain ??
      getTypesForEIP712Domain({ domain }),
  }
  const normalized = { ...typedData, domain, types } as SignTypedDataRequest['typedData']
  if (typedData.primaryType !== 'EIP712Domain' && !(typedData.primaryType in types))
    throw new InvalidRequestError({
      reason: `primaryType ${describeValue(typedData.primaryType)} is not in types`,
    })
  try {
    assertAcyclic(types)
    assertDomainFields(domain, types.EIP712Domain ?? [])
    assertValue(types, 'EIP712Domain', domain, 'domain')
    if (typedData.primaryType !== 'EIP712Domain')
      assertValue(types, typedData.primaryType, typedData.message, 'message')
    validateTypedData(normalized as never)
  } catch (cause) {
    if (cause instanceof InvalidRequestError) throw cause
    throw new InvalidRequestError({ reason: 'the typed data does not match its types', cause })
  }
  return normalized
}

function assertAcyclic(types: Record<string, readonly { name: string; type: string }[]>) {
  const visiting = new Set<string>()
  const done = new Set<string>()
  const visit = (name: string) => {
    if (done.has(name)) return
    if (visiting.has(name))
      throw new InvalidRequestError({ reason: `type "${name}" refers to itself` })
    visiting.add(name)
    for (const field of types[name] ?? []) {
      const base = field.type.replace(/(\[\d*\])+$/, '')
      if (base in types) visit(base)
    }
    visiting.delete(name)
    done.add(name)
  }
  for (const name of Object.keys(types)) visit(name)
}

type Fields = readonly { name: string; type: string }[]

/** A domain field the EIP712Domain type leaves out would not be signed: refuse it. */
function assertDomainFields(domain: object, fields: Fields) {
  if (typeof domain !== 'object' || domain === null || Array.isArray(domain))
    throw new InvalidRequestError({ reason: '"domain" must be an object' })
  for (const [key, value] of Object.entries(domain))
    if (value !== undefined && !fields.some((field) => field.name === key))
      throw new InvalidRequestError({
        reason: `domain field "${key}" is not in EIP712Domain, so it would not be signed`,
      })
}

const bad = (at: string, type: string, value: unknown) =>
  new InvalidRequestError({
    reason: `${at} must be ${type}, got ${describeValue(value)}`,
  })

/**
 * Checks `value` against its EIP-712 `type`, which viem's `validateTypedData` leaves to the encoder
 * for strings, booleans, bytes and arrays, and devices' SDKs then fail on half-way through sending.
 */
function assertValue(
  types: Record<string, Fields>,
  type: string,
  value: unknown,
  at: string,
): void {
  const array = /^(.+)\[(\d*)\]$/.exec(type)
  if (array) {
    if (!Array.isArray(value)) throw bad(at, `an array (${type})`, value)
    if (array[2] && value.length !== Number(array[2]))
      throw bad(at, `an array of ${array[2]} (${type})`, value)
    for (const [i, item] of value.entries()) assertValue(types, array[1]!, item, `${at}[${i}]`)
    return
  }
  const struct = types[type]
  if (struct) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw bad(at, `a ${type} struct`, value)
    for (const field of struct)
      assertValue(
        types,
        field.type,
        (value as Record<string, unknown>)[field.name],
        `${at}.${field.name}`,
      )
    return
  }
  if (type === 'string') {
    if (typeof value !== 'string') throw bad(at, 'a string', value)
  } else if (type === 'bool') {
    if (typeof value !== 'boolean') throw bad(at, 'a boolean', value)
  } else if (type === 'address') {
    if (typeof value !== 'string' || !isAddress(value, { strict: false }))
      throw bad(at, 'an address', value)
  } else if (type === 'bytes') {
    if (!(value instanceof Uint8Array) && !(isHex(value) && value.length % 2 === 0))
      throw bad(at, 'bytes (even-length hex)', value)
  } else if (/^bytes\d+$/.test(type)) {
    const size = Number(type.slice(5))
    if (size < 1 || size > 32) throw bad(at, 'of a known type', type)
    const length =
      value instanceof Uint8Array ? value.length : isHex(value) ? (value.length - 2) / 2 : -1
    if (length !== size) throw bad(at, `${size} bytes (${type})`, value)
  } else if (/^u?int\d*$/.test(type)) {
    const bits = Number(type.replace(/^u?int/, '') || 256)
    if (bits < 8 || bits > 256 || bits % 8 !== 0) throw bad(at, 'of a known type', type)
    const integer = toInteger(value)
    const signed = type.startsWith('int')
    const [min, max] = signed
      ? [-(2n ** BigInt(bits - 1)), 2n ** BigInt(bits - 1) - 1n]
      : [0n, 2n ** BigInt(bits) - 1n]
    if (integer === undefined || integer < min || integer > max)
      throw bad(at, `an integer in range ${min}..${max} (${type})`, value)
  } else throw bad(at, 'of a known type', type)
}

function toInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined
  if (typeof value === 'string' && /^(-?\d+|0x[0-9a-fA-F]+)$/.test(value)) return BigInt(value)
  return undefined
}
