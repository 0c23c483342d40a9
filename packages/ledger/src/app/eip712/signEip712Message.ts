import { getTypesForEIP712Domain, stringToBytes } from 'viem'
import { maxPayload } from '../apdu.js'
import { encodePath } from '../encodePath.js'
import * as ins from '../ins.js'
import { provideTokenInformation } from '../provideTokenInformation.js'
import { readSignature } from '../readSignature.js'
import type { EthereumAppSignature, SendCommand } from '../types.js'
import { encodeFieldValue } from './encodeFieldValue.js'
import { encodeFieldDefinition, parseFieldType } from './fieldType.js'
import {
  type Eip712FieldFilter,
  type Eip712Filters,
  encodeDiscardedPath,
  encodeFieldFilter,
  encodeMessageInfo,
  filterP2,
} from './filters.js'

type Fields = readonly { name: string; type: string }[]

/** Typed data as the app receives it in full: the domain, every struct type, the message. */
export type Eip712TypedData = {
  domain?: Record<string, unknown> | undefined
  types: Record<string, Fields>
  primaryType: string
  message?: Record<string, unknown> | undefined
}

/**
 * Full EIP-712 as app-ethereum documents it (`doc/ethapp.adoc`): the struct definitions (E0 1A),
 * then, with Ledger's filters, filtering on (E0 1E P2 00), the domain's values (E0 1C), the
 * message info, and the message's values, each filtered field preceded by its filter and the
 * token descriptor it needs (E0 0A); last SIGN ETH EIP 712 (E0 0C 00 01). The device hashes what
 * it received and shows it: every field, or with filters only the labelled ones.
 *
 * `onReview` runs once, just before the first APDU after which the device may show a screen: the
 * message info, whose signature the app checks first, with filters; the domain's values without.
 */
export async function signEip712Message(
  send: SendCommand,
  path: string,
  typedData: Eip712TypedData,
  filters?: Eip712Filters | undefined,
  onReview?: (() => void) | undefined,
): Promise<EthereumAppSignature> {
  const types = withDomainType(typedData)
  // In name order: the app hashes the definitions in the order received into the schema hash
  // that Ledger's filter signatures cover, and Ledger computes it over the types sorted by name.
  for (const name of Object.keys(types).sort()) {
    await send(ins.eip712StructDefinition, 0x00, 0x00, stringToBytes(name))
    for (const field of types[name]!)
      await send(
        ins.eip712StructDefinition,
        0x00,
        0xff,
        encodeFieldDefinition(field.name, field.type),
      )
  }
  if (filters) await send(ins.eip712Filtering, 0x00, filterP2.activation, new Uint8Array())
  const stream = createValueStream(send, types, filters)
  if (!filters) onReview?.()
  await stream.root('EIP712Domain', typedData.domain ?? {}, undefined)
  if (filters) {
    onReview?.()
    await send(
      ins.eip712Filtering,
      0x00,
      filterP2.messageInfo,
      encodeMessageInfo(filters.messageInfo, filters.fields.length),
    )
  }
  await stream.root(typedData.primaryType, typedData.message ?? {}, '')
  return readSignature(await send(ins.signEip712, 0x00, 0x01, encodePath(path)))
}

/** The types with `EIP712Domain`, which viem leaves out and derives from the domain. */
export function withDomainType(typedData: Eip712TypedData): Record<string, Fields> {
  if (typedData.types.EIP712Domain) return typedData.types
  return {
    ...typedData.types,
    EIP712Domain: getTypesForEIP712Domain({ domain: typedData.domain as never }),
  }
}

/** Sends the values of a root struct, depth first, with the filters of the message's fields. */
function createValueStream(
  send: SendCommand,
  types: Record<string, Fields>,
  filters: Eip712Filters | undefined,
) {
  const provided = new Set<number>()

  async function provideToken(index: number | undefined) {
    const descriptor = index === undefined ? undefined : filters?.tokens.get(index)
    if (index === undefined || !descriptor || provided.has(index)) return
    provided.add(index)
    await provideTokenInformation(send, descriptor)
  }

  async function sendFilter(filter: Eip712FieldFilter, discarded: boolean) {
    if (
      !discarded &&
      (filter.format === 'token' || (filter.format === 'amount' && filter.tokenIndex === 255))
    )
      await provideToken(filter.tokenIndex)
    await send(
      ins.eip712Filtering,
      discarded ? 0x01 : 0x00,
      filterP2[filter.format],
      encodeFieldFilter(filter),
    )
  }

  async function sendValue(bytes: Uint8Array) {
    const data = new Uint8Array(2 + bytes.length)
    new DataView(data.buffer).setUint16(0, bytes.length)
    data.set(bytes, 2)
    for (let offset = 0; offset < data.length; offset += maxPayload) {
      const last = offset + maxPayload >= data.length
      await send(
        ins.eip712StructImplementation,
        last ? 0x00 : 0x01,
        0xff,
        data.subarray(offset, offset + maxPayload),
      )
    }
  }

  // `path` is the filter path (`a.b.[].c`), `undefined` in the domain, which has no filters.
  async function field(type: string, value: unknown, path: string | undefined): Promise<void> {
    const parsed = parseFieldType(type)
    if (parsed.arrayLevels.length) {
      const items = Array.isArray(value) ? value : []
      await send(ins.eip712StructImplementation, 0x00, 0x0f, Uint8Array.of(items.length))
      const entryPath = path === undefined ? undefined : `${path}.[]`
      if (items.length === 0 && entryPath !== undefined && filters?.discardEmptyArrays)
        for (const filter of filters.fields.filter((f) => f.path.startsWith(entryPath))) {
          await send(
            ins.eip712Filtering,
            0x00,
            filterP2.discardedPath,
            encodeDiscardedPath(filter.path),
          )
          await sendFilter(filter, true)
        }
      // The outermost level is the last one written: `T[2][]` is a list of `T[2]`.
      const itemType = type.slice(0, type.lastIndexOf('['))
      for (const item of items) await field(itemType, item, entryPath)
      return
    }
    if (parsed.kind === 'custom') {
      const struct = (value ?? {}) as Record<string, unknown>
      for (const member of types[parsed.structName!] ?? [])
        await field(member.type, struct[member.name], join(path, member.name))
      return
    }
    const filter = path === undefined ? undefined : filters?.fields.find((f) => f.path === path)
    if (filter) await sendFilter(filter, false)
    await sendValue(encodeFieldValue(parsed, value))
  }

  return {
    async root(name: string, value: Record<string, unknown>, path: string | undefined) {
      await send(ins.eip712StructImplementation, 0x00, 0x00, stringToBytes(name))
      for (const member of types[name] ?? [])
        await field(member.type, value[member.name], join(path, member.name))
    },
  }
}

function join(path: string | undefined, name: string): string | undefined {
  if (path === undefined) return undefined
  return path === '' ? name : `${path}.${name}`
}
