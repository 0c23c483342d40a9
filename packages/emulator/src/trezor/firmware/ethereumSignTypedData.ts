import {
  bytesToBigInt,
  bytesToHex,
  concatBytes,
  getAddress,
  hexToBytes,
  keccak256,
  stringToBytes,
} from 'viem/utils'
import { dataError, TrezorDeviceFailure } from '../failures.js'
import type { ConfirmScreen, TrezorHandler, TrezorWorkflow } from '../workflow/workflow.js'
import { messageSignatureHex } from './ethereumSignature.js'
import { drawText } from './ethereumSignMessage.js'

type FieldType = {
  readonly data_type: string
  readonly size: number | null
  readonly entry_type: FieldType | null
  readonly struct_name: string | null
}
type Member = { readonly name: string; readonly type: FieldType }
type RawFieldType = Partial<Omit<FieldType, 'entry_type'>> & { entry_type?: RawFieldType | null }

/** `@trezor/protobuf` decodes an absent nested message as `{}`; the firmware sees `None`. */
function fieldType(raw: RawFieldType): FieldType {
  return {
    data_type: raw.data_type ?? '',
    size: raw.size ?? null,
    entry_type: raw.entry_type?.data_type ? fieldType(raw.entry_type) : null,
    struct_name: raw.struct_name ?? null,
  }
}
type Types = Map<string, readonly Member[]>

const arrayLengthType: FieldType = {
  data_type: 'UINT',
  size: 2,
  entry_type: null,
  struct_name: null,
}

/**
 * `EthereumSignTypedData`: the device asks the host for every struct definition
 * (`EthereumTypedDataStructRequest`, EIP712Domain first, then the primary type and its dependencies)
 * and then for every value by member path (`EthereumTypedDataValueRequest`, `[0, …]` for the domain,
 * `[1, …]` for the message, array lengths before their items), hashing as it goes. Follows
 * trezor-firmware core/src/apps/ethereum/sign_typed_data.py, including `metamask_v4_compat`.
 *
 * What it shows (core/src/apps/ethereum/layout.py): every domain field; then the primary type with
 * its field names ("Show full message"), and every value when the user opens it, each nested
 * struct and array with its own "Show full" prompt. The emulated user opens every one, so the
 * review holds every value as the firmware formats it (`decode_typed_data`): numbers in decimal,
 * addresses checksummed, bytes as hex, strings as drawn (printable ASCII; other characters as the
 * font's placeholder glyph, U+FFFD here). Values of any length are shown in full over as many
 * pages as they take: the firmware sets no limit (`_validate_value`). Titles are the full path of
 * the value (the device shortens them to their last 16 characters and names the field and type
 * below).
 */
export const ethereumSignTypedData: TrezorHandler = async ({ message }, workflow) => {
  if (workflow.model === 'T1B1') {
    throw new TrezorDeviceFailure('Failure_UnexpectedMessage', 'Unexpected message')
  }
  const primaryType: string = message.primary_type
  const screens: ConfirmScreen[] = []
  const envelope = createEnvelope(workflow, message.metamask_v4_compat ?? true, screens)
  await envelope.collect('EIP712Domain')
  await envelope.collect(primaryType)
  const domainSeparator = await envelope.hashStruct('EIP712Domain', [0], true, ['EIP712Domain'])
  let messageHash: Uint8Array = new Uint8Array()
  if (primaryType === 'EIP712Domain') {
    screens.push({
      title: 'Confirm message',
      value: 'No message field',
      name: 'confirm_empty_typed_message',
    })
  } else {
    screens.push(
      structScreen('Confirm message', primaryType, membersOf(envelope.types, primaryType)),
    )
    messageHash = await envelope.hashStruct(primaryType, [1], true, [primaryType])
  }
  if (message.show_message_hash) {
    if (message.show_message_hash !== bytesToHex(messageHash).slice(2)) {
      throw dataError('Message hash mismatch')
    }
    screens.push({
      title: 'Confirm message hash',
      value: bytesToHex(messageHash),
      code: 'ButtonRequest_SignTx',
      name: 'confirm_message_hash',
    })
  }
  const address = workflow.keychain.ethereumAddress(message.address_n)
  await workflow.confirm('typed-data', [
    { title: 'Address', value: address, code: 'ButtonRequest_SignTx', name: 'confirm_address' },
    ...screens,
    {
      title: 'Confirm typed data',
      value: 'Really sign EIP-712 typed data?',
      code: 'ButtonRequest_Other',
      name: 'confirm_typed_data_final',
    },
  ])
  const digest = keccak256(
    concatBytes([new Uint8Array([0x19, 0x01]), domainSeparator, messageHash]),
  )
  const signature = workflow.sign(message.address_n, hexToBytes(digest))
  return {
    type: 'EthereumTypedDataSignature',
    message: { address, signature: messageSignatureHex(signature) },
  }
}

/** `should_show_struct`: the struct's name, how many keys it has and their names. */
function structScreen(title: string, name: string, members: readonly Member[]): ConfirmScreen {
  const count = `${members.length} ${members.length === 1 ? 'key' : 'keys'}`
  return {
    title,
    value: `${name}: contains ${count}: ${members.map((m) => m.name).join(', ')}`,
    code: 'ButtonRequest_Other',
    name: 'should_show_struct',
  }
}

function createEnvelope(
  workflow: TrezorWorkflow,
  metamaskV4Compat: boolean,
  screens: ConfirmScreen[],
) {
  const types: Types = new Map()

  const collect = async (name: string): Promise<void> => {
    const ack = await workflow.call({ type: 'EthereumTypedDataStructRequest', message: { name } }, [
      'EthereumTypedDataStructAck',
    ])
    const members = (ack.message.members as { name: string; type: RawFieldType }[]).map(
      ({ name, type }) => ({ name, type: fieldType(type) }),
    )
    types.set(name, members)
    for (const member of members) {
      validateFieldType(member.type)
      const inner = innermost(member.type)
      if (inner.data_type === 'STRUCT' && !types.has(inner.struct_name!)) {
        await collect(inner.struct_name!)
      }
    }
  }

  const getValue = async (field: FieldType, memberPath: number[]): Promise<Uint8Array> => {
    const ack = await workflow.call(
      { type: 'EthereumTypedDataValueRequest', message: { member_path: memberPath } },
      ['EthereumTypedDataValueAck'],
    )
    const value = hexToBytes(`0x${ack.message.value ?? ''}`)
    validateValue(field, value)
    return value
  }

  const show = (title: string, type: FieldType, value: Uint8Array) =>
    screens.push({
      title,
      value: decodeTypedData(type, value),
      code: 'ButtonRequest_Other',
      name: 'confirm_typed_value',
    })

  const hashStruct = async (
    typeName: string,
    memberPath: number[],
    showData: boolean,
    parents: string[],
  ): Promise<Uint8Array> => {
    const parts = [hexToBytes(keccak256(stringToBytes(encodeType(types, typeName))))]
    await encodeData(parts, typeName, memberPath, showData, parents)
    return hexToBytes(keccak256(concatBytes(parts)))
  }

  const encodeData = async (
    out: Uint8Array[],
    typeName: string,
    memberPath: number[],
    showData: boolean,
    parents: string[],
  ) => {
    const members = membersOf(types, typeName)
    if (typeName === 'EIP712Domain') {
      if (members.some((m) => m.type.data_type === 'ARRAY' || m.type.data_type === 'STRUCT'))
        throw dataError('Unexpected member in EIP712Domain')
      if (members.length === 0 && showData)
        screens.push({
          title: 'Warning',
          value: 'Empty EIP-712 domain',
          code: 'ButtonRequest_Warning',
          name: 'confirm_typed_value',
        })
    }
    for (const [index, member] of members.entries()) {
      const path = [...memberPath, index]
      const here = [...parents, member.name]
      const type = member.type
      if (type.data_type === 'STRUCT') {
        const struct = type.struct_name!
        if (showData) screens.push(structScreen(here.join('.'), struct, membersOf(types, struct)))
        out.push(await hashStruct(struct, path, showData, here))
      } else if (type.data_type === 'ARRAY') {
        const length = type.size ?? bytesToNumber(await getValue(arrayLengthType, path))
        const entry = type.entry_type!
        if (showData)
          screens.push({
            title: here.join('.'),
            value: `Array of ${length} ${plural(typeName_(entry), length)}`,
            code: 'ButtonRequest_Other',
            name: 'should_show_array',
          })
        const items: Uint8Array[] = []
        for (let i = 0; i < length; i++) {
          const itemPath = [...path, i]
          const item = [...parents, `${member.name}[${i}]`]
          if (entry.data_type === 'STRUCT') {
            // MetaMask v4 hashes structs inside arrays; the spec encodes them:
            // https://github.com/MetaMask/eth-sig-util/pull/107
            if (metamaskV4Compat)
              items.push(await hashStruct(entry.struct_name!, itemPath, showData, item))
            else await encodeData(items, entry.struct_name!, itemPath, showData, item)
          } else {
            const value = await getValue(entry, itemPath)
            items.push(encodeField(entry, value))
            if (showData) show(item.join('.'), entry, value)
          }
        }
        out.push(hexToBytes(keccak256(concatBytes(items))))
      } else {
        const value = await getValue(type, path)
        out.push(encodeField(type, value))
        if (showData) show(here.join('.'), type, value)
      }
    }
  }

  return { collect, hashStruct, types }
}

/** `decode_typed_data` (core/src/apps/ethereum/helpers.py), as the device draws it. */
function decodeTypedData(type: FieldType, value: Uint8Array): string {
  switch (type.data_type) {
    case 'BYTES':
      return bytesToHex(value).slice(2)
    case 'STRING':
      return drawText(new TextDecoder().decode(value))
    case 'ADDRESS':
      return getAddress(bytesToHex(value))
    case 'BOOL':
      return value[0] === 1 ? 'true' : 'false'
    case 'UINT':
      return bytesToBigInt(value).toString()
    case 'INT': {
      const unsigned = bytesToBigInt(value)
      const bits = BigInt(value.length * 8)
      const negative = value.length > 0 && (value[0]! & 0x80) !== 0
      return (negative ? unsigned - (1n << bits) : unsigned).toString()
    }
    default:
      throw dataError('Unsupported data type for field decoding')
  }
}

/** `format_plural_english`: "1 uint256", "2 uint256s", "3 addresses". */
function plural(noun: string, count: number): string {
  if (count === 1) return noun
  if (noun.endsWith('y') && !'aeiouy'.includes(noun.at(-2) ?? '')) return `${noun.slice(0, -1)}ies`
  return /[hsxz]$/.test(noun) ? `${noun}es` : `${noun}s`
}

function membersOf(types: Types, name: string): readonly Member[] {
  const members = types.get(name)
  if (!members) throw dataError(`Unknown struct ${name}`)
  return members
}

function innermost(type: FieldType): FieldType {
  return type.data_type === 'ARRAY' && type.entry_type ? innermost(type.entry_type) : type
}

function typeName_(type: FieldType): string {
  switch (type.data_type) {
    case 'UINT':
      return `uint${(type.size ?? 32) * 8}`
    case 'INT':
      return `int${(type.size ?? 32) * 8}`
    case 'BYTES':
      return type.size ? `bytes${type.size}` : 'bytes'
    case 'ARRAY':
      return `${typeName_(type.entry_type!)}[${type.size ?? ''}]`
    case 'STRUCT':
      return type.struct_name!
    default:
      return type.data_type.toLowerCase()
  }
}

function encodeType(types: Types, primary: string): string {
  const deps = new Set<string>()
  const visit = (name: string) => {
    if (deps.has(name) || !types.has(name)) return
    deps.add(name)
    for (const member of membersOf(types, name)) {
      const inner = innermost(member.type)
      if (inner.data_type === 'STRUCT') visit(inner.struct_name!)
    }
  }
  visit(primary)
  deps.delete(primary)
  return [primary, ...[...deps].sort()]
    .map((name) => {
      const fields = membersOf(types, name).map((m) => `${typeName_(m.type)} ${m.name}`)
      return `${name}(${fields.join(',')})`
    })
    .join('')
}

function encodeField(type: FieldType, value: Uint8Array): Uint8Array {
  switch (type.data_type) {
    case 'BYTES':
      return type.size === null ? hexToBytes(keccak256(value)) : padRight(value)
    case 'STRING':
      return hexToBytes(keccak256(value))
    case 'INT':
      return padLeft(value, value.length > 0 && (value[0]! & 0x80) !== 0 ? 0xff : 0)
    case 'UINT':
    case 'BOOL':
    case 'ADDRESS':
      return padLeft(value, 0)
    default:
      throw dataError('Unsupported data type for field encoding')
  }
}

function validateFieldType(type: FieldType): void {
  const { data_type, size, entry_type, struct_name } = type
  if (data_type === 'ARRAY') {
    if (!entry_type) throw dataError('Missing entry_type in array')
    validateFieldType(entry_type)
  } else if (entry_type) throw dataError('Unexpected entry_type in nonarray')
  if (data_type === 'STRUCT' ? !struct_name || size === null : struct_name) {
    throw dataError('Invalid struct definition')
  }
  if (data_type === 'BYTES' && size !== null && (size < 1 || size > 32)) {
    throw dataError('Invalid size in bytes')
  }
  if ((data_type === 'UINT' || data_type === 'INT') && (size === null || size < 1 || size > 32)) {
    throw dataError('Invalid size in int/uint')
  }
  if (['STRING', 'BOOL', 'ADDRESS'].includes(data_type) && size !== null) {
    throw dataError('Unexpected size in str/bool/addr')
  }
}

function validateValue(type: FieldType, value: Uint8Array): void {
  if (type.size !== null && type.data_type !== 'ARRAY' && type.data_type !== 'STRUCT') {
    if (value.length !== type.size) throw dataError('Invalid length')
  }
  if (type.data_type === 'BOOL' && (value.length !== 1 || value[0]! > 1)) {
    throw dataError('Invalid boolean value')
  }
  if (type.data_type === 'ADDRESS' && value.length !== 20) throw dataError('Invalid address')
  if (type.data_type === 'STRING') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(value)
    } catch {
      throw dataError('Invalid UTF-8')
    }
  }
}

function padLeft(value: Uint8Array, fill: number): Uint8Array {
  if (value.length > 32) throw dataError('Invalid length')
  const out = new Uint8Array(32).fill(fill)
  out.set(value, 32 - value.length)
  return out
}

function padRight(value: Uint8Array): Uint8Array {
  if (value.length > 32) throw dataError('Invalid length')
  const out = new Uint8Array(32)
  out.set(value)
  return out
}

function bytesToNumber(bytes: Uint8Array): number {
  return bytes.reduce((acc, byte) => acc * 256 + byte, 0)
}
