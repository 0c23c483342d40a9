import { bytesToHex, formatUnits, getAddress } from 'viem'
import type { EmulatorScreen } from '../../../common/types.js'
import { readUintBE } from '../../apdu/bytes.js'
import { networkFor } from '../networks.js'
import { type TokenSlots, tokenAt, tokenIndexByAddress } from '../tokenSlots.js'
import { type NestedCalls, readNestedCalls } from './calldataParam.js'
import type { EnumValue } from './enumValue.js'
import { formatNetwork } from './networkParam.js'
import { formatNft } from './nftParam.js'
import {
  lastBytes,
  readParamValues,
  requiredTag,
  type Visibility,
  visibility,
} from './paramValues.js'
import { implementationBehind, type ProxyInfo } from './proxyInfo.js'
import { malformed, readTlv, type TlvEntry, tlvByTag, tlvText, tlvUint } from './tlv.js'
import { formatToken } from './tokenParam.js'
import { formatTrustedName } from './trustedNameParam.js'
import { formatUnit } from './unitParam.js'
import { parseValue, TypeFamily, type ValueContext, type ValueReference } from './value.js'

/** ParamType (doc/tlv_structs.md). */
export const ParamType = {
  raw: 0x00,
  amount: 0x01,
  tokenAmount: 0x02,
  nft: 0x03,
  datetime: 0x04,
  duration: 0x05,
  unit: 0x06,
  enum: 0x07,
  trustedName: 0x08,
  calldata: 0x09,
  token: 0x0a,
  network: 0x0b,
} as const

/** What formatting a field reads besides the transaction: accepted tokens and enum names. */
export type FieldContext = ValueContext & {
  readonly tokens: TokenSlots
  readonly enums: readonly EnumValue[]
  readonly selector: Uint8Array
  /** The accepted proxy info: enum values are issued for the implementation (`is_matching_enum`). */
  readonly proxy?: ProxyInfo | undefined
  /** Takes the inner calls a CALLDATA field names (they become the review's next contexts). */
  readonly nest?: ((calls: NestedCalls) => void) | undefined
}

// MAX_FIELD_NAME_SIZE, SHARED_CTX_FIELD_1_SIZE, MAX_NATIVE_ADDRS (app-ethereum).
const nameCapacity = 21
const bufferCapacity = 380
const maxConstraints = 5

/**
 * PROVIDE TRANSACTION FIELD DESCRIPTION's payload (gtp_field.c): parsed, then formatted into the
 * screens it adds to the review (`format_field`). Throws 0x6A80 where the app's parser or
 * formatter fails. A CALLDATA field adds no screen: it hands its inner calls to `context.nest`.
 */
export function formatField(payload: Uint8Array, context: FieldContext): EmulatorScreen[] {
  const tags = tlvByTag(readTlv(payload), [0x00, 0x01, 0x02, 0x03, 0x04, 0x05], [0x05])
  const first = (tag: number) => tags.get(tag)?.[0]
  if (tlvUint(first(0x00), 1) !== 1n) throw malformed('Unsupported field version')
  const nameEntry = first(0x01)
  const param = first(0x03)
  if (!nameEntry || !param) throw malformed('Field without name or param')
  const name = tlvText(nameEntry, nameCapacity)
  const type = Number(tlvUint(first(0x02), 1))
  const visibleEntry = first(0x04)
  const visible = visibleEntry ? Number(tlvUint(visibleEntry, 1)) : visibility.always
  if (visible > visibility.ifNotIn) throw malformed('Bad visibility')
  const constraints = (tags.get(0x05) ?? []).map((entry) => entry.value)
  if (constraints.length > 0 && visible === visibility.always)
    throw malformed('Constraint on an always-visible field')
  if (constraints.length > maxConstraints || constraints.some((c) => c.length === 0)) {
    throw malformed('Bad constraints')
  }
  const values = formatParam(type, param.value, context, { visible, constraints })
  return values.map((value) => ({ title: name, value }))
}

function formatParam(
  type: number,
  payload: Uint8Array,
  context: FieldContext,
  visibility: Visibility,
): string[] {
  const tags = readTlv(payload)
  const value = () => parseValue(requiredTag(tags, 0x01).value)
  switch (type) {
    case ParamType.raw:
      return formatRaw(value(), context, visibility)
    case ParamType.amount: {
      const ticker = networkFor(context.chainId).ticker
      return readParamValues(value(), context).map(
        (bytes) => `${formatUnits(readUintBE(bytes), 18)} ${ticker}`,
      )
    }
    case ParamType.tokenAmount:
      return formatTokenAmount(tags, context)
    case ParamType.datetime: {
      const encoding = Number(
        tlvUint(
          tags.find((t) => t.tag === 0x02),
          1,
        ),
      )
      if (encoding > 1) throw malformed('Bad datetime encoding')
      const ref = value()
      return readParamValues(ref, context).map((bytes) =>
        encoding === 1 ? readUintBE(bytes).toString() : formatDatetime(bytes, ref.typeSize),
      )
    }
    case ParamType.duration:
      return readParamValues(value(), context).map((bytes) =>
        formatDuration(readUintBE(bytes.subarray(-8))),
      )
    case ParamType.enum: {
      const id = Number(
        tlvUint(
          tags.find((t) => t.tag === 0x01),
          1,
        ),
      )
      const ref = parseValue(requiredTag(tags, 0x02).value)
      return readParamValues(ref, context).map((bytes) => enumName(context, id, bytes))
    }
    case ParamType.unit:
      return formatUnit(tags, context)
    case ParamType.nft:
      return formatNft(tags, context)
    case ParamType.trustedName:
      return formatTrustedName(tags, context, visibility)
    case ParamType.token:
      return formatToken(tags, context)
    case ParamType.network:
      return formatNetwork(tags, context)
    case ParamType.calldata: {
      const calls = readNestedCalls(payload, context)
      if (!context.nest) throw malformed('No transaction context for nested calls')
      context.nest(calls)
      return []
    }
    default:
      throw malformed(`Parameter type 0x${type.toString(16)} is not played by the emulator`)
  }
}

function formatRaw(ref: ValueReference, context: ValueContext, visibility: Visibility): string[] {
  const shown: string[] = []
  for (const bytes of readParamValues(ref, context)) {
    const text = formatRawValue(ref, bytes, visibility)
    if (text !== undefined) shown.push(text)
  }
  return shown
}

// `format_param_raw`: constraints apply to uint, address and bytes; the others always show.
function formatRawValue(
  ref: ValueReference,
  bytes: Uint8Array,
  { visible, constraints }: Visibility,
): string | undefined {
  const apply = (matched: boolean, text: () => string) => {
    if (visible === visibility.mustBe) {
      if (!matched) throw malformed('Value not among the allowed ones')
      return undefined
    }
    if (visible === visibility.ifNotIn && matched) return undefined
    return text()
  }
  switch (ref.typeFamily) {
    case TypeFamily.uint: {
      const value = readUintBE(bytes)
      return apply(
        constraints.some((c) => readUintBE(c) === value),
        () => value.toString(),
      )
    }
    case TypeFamily.int:
      return formatInt(bytes, ref.typeSize)
    case TypeFamily.address: {
      const address = lastBytes(bytes, 20)
      return apply(
        constraints.some((c) => bytesToHex(lastBytes(c, 20)) === bytesToHex(address)),
        () => getAddress(bytesToHex(address)),
      )
    }
    case TypeFamily.bool:
      return lastBytes(bytes, 1)[0] ? 'true' : 'false'
    case TypeFamily.bytes: {
      const full = bytesToHex(bytes)
      const text =
        full.length > bufferCapacity - 1 ? `${full.slice(0, bufferCapacity - 4)}...` : full
      return apply(
        constraints.some((c) => c.length <= bytes.length && bytesToHex(c) === full),
        () => text,
      )
    }
    case TypeFamily.string:
      return new TextDecoder().decode(bytes.subarray(0, bufferCapacity - 1))
    default:
      throw malformed('Fixed-point values are not formatted by the app')
  }
}

// `format_int`: 8- and 16-bit values print through "%u" PRId8/PRId16, so a 'd' follows the digits;
// the 8-bit case reads the value's first byte (`value->ptr[0]`), not its last.
function formatInt(bytes: Uint8Array, typeSize: number | undefined): string {
  const size = typeSize ?? 32
  const raw = readUintBE(size === 1 ? bytes.subarray(0, 1) : lastBytes(bytes, size))
  const bits = BigInt(size * 8)
  const signed = raw >= 1n << (bits - 1n) ? raw - (1n << bits) : raw
  if (size === 1 || size === 2) return `${Number(signed) >>> 0}d`
  if (![4, 8, 16, 32].includes(size)) throw malformed('Unsupported int size')
  return signed.toString()
}

function formatTokenAmount(tags: readonly TlvEntry[], context: FieldContext): string[] {
  const ref = parseValue(requiredTag(tags, 0x01).value)
  const tokenEntry = tags.find((t) => t.tag === 0x02)
  const natives = tags.filter((t) => t.tag === 0x03).map((t) => bytesToHex(lastBytes(t.value, 20)))
  const thresholdEntry = tags.find((t) => t.tag === 0x04)
  const threshold = thresholdEntry ? readUintBE(thresholdEntry.value) : 0n
  const message = tags.find((t) => t.tag === 0x05)
  const amounts = readParamValues(ref, context)
  const tokens = tokenEntry ? readParamValues(parseValue(tokenEntry.value), context) : undefined
  if (tokens && tokens.length !== amounts.length) throw malformed('Token and amount counts differ')
  return amounts.map((bytes, i) => {
    let ticker = '???'
    let decimals = 0
    const token = tokens?.[i]
    if (token) {
      const address = bytesToHex(lastBytes(token, 20))
      if (natives.includes(address)) {
        ticker = networkFor(context.chainId).ticker
        decimals = 18
      } else {
        const known = tokenAt(context.tokens, tokenIndexByAddress(context.tokens, address))
        if (known) {
          ticker = known.ticker
          decimals = known.decimals
        }
      }
    }
    const amount = readUintBE(bytes)
    if (threshold !== 0n && amount >= threshold) {
      return message
        ? `${new TextDecoder().decode(message.value)} ${ticker}`
        : `Unlimited ${ticker}`
    }
    return `${formatUnits(amount, decimals)} ${ticker}`
  })
}

// `time_format_to_utc`; all-0xFF values of the declared size read "Unlimited".
function formatDatetime(bytes: Uint8Array, typeSize: number | undefined): string {
  if (bytes.length >= (typeSize ?? 0) && bytes.every((b) => b === 0xff)) return 'Unlimited'
  const seconds = readUintBE(bytes.subarray(-8))
  const date = new Date(Number(seconds) * 1000)
  if (Number.isNaN(date.getTime())) throw malformed('Date out of range')
  const pad = (n: number) => String(n).padStart(2, '0')
  const hour = date.getUTCHours()
  const shownHour = hour === 0 ? 12 : hour > 12 ? hour - 12 : hour
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}\n${pad(shownHour)}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hour < 12 ? 'AM' : 'PM'} UTC`
}

// `format_param_duration`: days, then zero-padded hours, minutes and seconds that are not zero.
function formatDuration(total: bigint): string {
  const days = total / 86400n
  let rest = total % 86400n
  const hours = rest / 3600n
  rest %= 3600n
  const minutes = rest / 60n
  const seconds = rest % 60n
  const pad = (n: bigint) => n.toString().padStart(2, '0')
  let out = ''
  if (days > 0n) out += `${days & 0xffffn}d`
  if (hours > 0n) out += `${pad(hours)}h`
  if (minutes > 0n) out += `${pad(minutes)}m`
  if (seconds > 0n || out === '') out += `${pad(seconds)}s`
  return out
}

function enumName(context: FieldContext, id: number, bytes: Uint8Array): string {
  const value = bytes.at(-1)
  const match = context.enums.find(
    (entry) =>
      entry.chainId === context.chainId &&
      bytesToHex(entry.contract) ===
        bytesToHex(implementationBehind(context.proxy, context) ?? context.to) &&
      bytesToHex(entry.selector) === bytesToHex(context.selector) &&
      entry.id === id &&
      entry.value === value,
  )
  if (!match) throw malformed('No enum value provided for this field')
  return match.name
}
