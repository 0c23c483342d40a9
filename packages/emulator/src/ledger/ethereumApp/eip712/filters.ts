import { bytesToHex } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { concatBytes } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { verifyCalSignature } from '../../cal/calKey.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { forgetTokens, tokenIndexByAddress, tokenSlotCount } from '../tokenSlots.js'
import { currentField, currentFieldPath } from './implementation.js'
import { amountJoin, pushTitle, setValue, showStep } from './review.js'
import { computeSchemaHash } from './schemaHash.js'
import type { Eip712Session } from './session.js'

// Magic numbers that open each signed filter payload (filtering.c:18-30).
const magic = {
  messageInfo: 183,
  amountJoinToken: 11,
  amountJoinValue: 22,
  datetime: 33,
  trustedName: 44,
  rawField: 72,
} as const

const maxFilters = 50
const verifyingContractToken = 0xff
const amountJoinNameLength = 25
const trustedNameTypes = new Set([1, 2, 3, 4, 5, 6])
const trustedNameSources = new Set([0, 1, 2, 3, 4, 5, 6, 7])

const noInfo = (why: string) => new ApduStatusError(StatusWord.parameterErrorNoInfo, why)

/** What a field filter needs: the device, the session, the payload and the signed field path. */
type FieldFilter = {
  readonly device: LedgerDevice
  readonly session: Eip712Session
  readonly payload: PayloadReader
  readonly path: string
  readonly discarded: boolean
}

// By P2: 0xFB trusted name, 0xFC date-time, 0xFD amount-join token, 0xFE amount-join value,
// 0xFF raw field.
const fieldFilters: Record<number, (filter: FieldFilter) => void> = {
  251: trustedName,
  252: datetime,
  253: amountJoinToken,
  254: amountJoinValue,
  255: rawField,
}

/**
 * EIP712 FILTERING (E0 1E), as app 1.22.0 handles it (commands_712.c:187-272). P2 00 activates
 * filtering (any P1) unless verbose EIP-712 is on, computes the schema hash and forgets the
 * provided tokens; any other filter is ignored (9000) unless filtering is active. Filters are
 * checked against the CAL key; a bad signature, a bad payload or a field of the wrong type answers
 * 0x6A00, a filter for the wrong root 0x6980, one filter more than announced 0x6A80.
 */
export function applyFilter(device: LedgerDevice, session: Eip712Session, apdu: Apdu): void {
  const { p1, p2, data } = apdu
  if (p2 === 0x00) {
    if (!device.verboseEip712) {
      session.filteringMode = 'full'
      session.schemaHash = computeSchemaHash(session.structs)
    }
    forgetTokens(device.tokens)
    return
  }
  if (session.filteringMode !== 'full') return
  const payload = new PayloadReader(data)
  if (p2 === 0x01) {
    session.discardedPath = payload.text(payload.byte())
    return
  }
  if (p2 === 0x0f) {
    messageInfo(device, session, payload)
    return
  }
  const apply = fieldFilters[p2]
  if (!apply) {
    if (p2 >= 0xf4 && p2 <= 0xfa) throw noInfo('EIP-712 calldata filters are not emulated')
    throw new ApduStatusError(StatusWord.wrongP1P2, 'Unknown filter')
  }
  if (session.root !== 'message') {
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'Field filter outside the message')
  }
  // A filter for a field of an empty array (P1 01) is signed over the path announced just before
  // (P2 01); that path serves one filter only (filtering.c:47-79).
  const discarded = p1 === 0x01
  const path = discarded ? (session.discardedPath ?? '') : currentFieldPath(session)
  session.discardedPath = undefined
  apply({ device, session, payload, path, discarded })
  countFilterPath(session, path)
}

// The app counts distinct filter paths (their CRC-32) against the announced count
// (ui_logic.c:1270-1299).
function countFilterPath(session: Eip712Session, path: string): void {
  if (session.filterPaths.has(path)) return
  if (session.filterPaths.size >= (session.messageInfo?.filtersCount ?? 0)) {
    throw new ApduStatusError(StatusWord.incorrectData, 'More filters than announced')
  }
  session.filterPaths.add(path)
}

/**
 * The bytes a filter's signature covers, before its own fields: `magic (1) || chain id (8, BE) ||
 * verifyingContract (20) || schema hash (28)` (filtering.c:90-118; no proxy resolution here).
 */
function signedPrefix(session: Eip712Session, magicNumber: number): Uint8Array {
  const chainId = new Uint8Array(8)
  new DataView(chainId.buffer).setBigUint64(0, session.chainId)
  return concatBytes(
    Uint8Array.of(magicNumber),
    chainId,
    session.verifyingContract,
    session.schemaHash ?? new Uint8Array(28),
  )
}

function verify(
  device: LedgerDevice,
  session: Eip712Session,
  magicNumber: number,
  fields: readonly Uint8Array[],
  signature: Uint8Array,
): void {
  const message = concatBytes(signedPrefix(session, magicNumber), ...fields)
  if (!verifyCalSignature(device.calPublicKey, message, signature)) {
    throw noInfo('EIP-712 filter signature invalid')
  }
}

const encode = (text: string) => new TextEncoder().encode(text)

// P2 0F: `nameLen || name || filtersCount || sigLen || sig`, signed as
// `prefix || filtersCount || name`; shows "Contract: name" first (filtering.c:192-251).
function messageInfo(device: LedgerDevice, session: Eip712Session, payload: PayloadReader): void {
  if (session.root !== 'domain') {
    throw new ApduStatusError(StatusWord.commandNotAllowed, 'Message info outside the domain')
  }
  const name = payload.bytes(payload.byte())
  const filtersCount = payload.byte()
  if (filtersCount > maxFilters) throw noInfo('Too many filters')
  const signature = payload.signature()
  verify(device, session, magic.messageInfo, [Uint8Array.of(filtersCount), name], signature)
  const text = new TextDecoder().decode(name)
  session.messageInfo = { name: text, filtersCount }
  if (!device.verboseEip712) {
    pushTitle(session, 'Contract')
    setValue(session, text)
    showStep(device, session)
  }
}

// P2 FF: `nameLen || name || sigLen || sig`, signed as `prefix || path || name`. An empty name
// keeps the field's key as its title (filtering.c:1180-1233).
function rawField({ device, session, payload, path, discarded }: FieldFilter): void {
  const name = payload.bytes(payload.byte())
  verify(device, session, magic.rawField, [encode(path), name], payload.signature())
  if (discarded) return
  nameField(session, name)
  session.fieldFlags.shown = true
}

// P2 FC: like a raw field, for a `uint` shown as a date (filtering.c:972-1026).
function datetime({ device, session, payload, path }: FieldFilter): void {
  const name = payload.bytes(payload.byte())
  verify(device, session, magic.datetime, [encode(path), name], payload.signature())
  expectType(session, 'uint')
  nameField(session, name)
  session.fieldFlags.shown = true
  session.fieldFlags.datetime = true
}

// P2 FD: `tokenIndex || sigLen || sig`, signed as `prefix || path || tokenIndex`: the next
// `address` field is the token of amount-join `tokenIndex` (filtering.c:1037-1083).
function amountJoinToken({ device, session, payload, path }: FieldFilter): void {
  const index = payload.byte()
  verify(
    device,
    session,
    magic.amountJoinToken,
    [encode(path), Uint8Array.of(index)],
    payload.signature(),
  )
  expectType(session, 'address')
  if (index >= tokenSlotCount) throw noInfo('Token index out of range')
  session.fieldFlags.amountJoin = true
  session.amountJoin = { index, part: 'token' }
}

// P2 FE: `nameLen || name || tokenIndex || sigLen || sig`, signed as
// `prefix || path || name || tokenIndex`. Index 0xFF is the domain's verifyingContract, which must
// have been provided with 0x0A (an EIP-2612 permit, filtering.c:1094-1169).
function amountJoinValue({ device, session, payload, path }: FieldFilter): void {
  const name = payload.bytes(payload.byte())
  if (name.length === 0) throw noInfo('Amount-join without a name')
  let index = payload.byte()
  const signature = payload.signature()
  verify(
    device,
    session,
    magic.amountJoinValue,
    [encode(path), name, Uint8Array.of(index)],
    signature,
  )
  if (index === verifyingContractToken) {
    index = tokenIndexByAddress(device.tokens, bytesToHex(session.verifyingContract))
    if (index < 0) throw noInfo('No token provided for the verifyingContract')
    amountJoin(session, index).tokenReceived = true
  }
  expectType(session, 'uint')
  if (index >= tokenSlotCount) throw noInfo('Token index out of range')
  session.fieldFlags.amountJoin = true
  amountJoin(session, index).name = new TextDecoder().decode(name).slice(0, amountJoinNameLength)
  session.amountJoin = { index, part: 'value' }
}

// P2 FB: `nameLen || name || typeCount || types || sourceCount || sources || sigLen || sig`,
// signed as `prefix || path || name || types || sources`. Trusted names are not emulated, so the
// field shows its address, as the app does when no name matches (filtering.c:848-962).
function trustedName({ device, session, payload, path }: FieldFilter): void {
  const name = payload.bytes(payload.byte())
  const types = payload.bytes(payload.byte())
  if (types.length > trustedNameTypes.size || !types.every((t) => trustedNameTypes.has(t))) {
    throw noInfo('Bad trusted name types')
  }
  const sources = payload.bytes(payload.byte())
  if (
    sources.length > trustedNameSources.size ||
    !sources.every((s) => trustedNameSources.has(s))
  ) {
    throw noInfo('Bad trusted name sources')
  }
  const fields = [encode(path), name, types, sources]
  verify(device, session, magic.trustedName, fields, payload.signature())
  expectType(session, 'address')
  nameField(session, name)
  session.fieldFlags.shown = true
  session.fieldFlags.trustedName = true
}

// A filter's name becomes the field's title; an empty one keeps the key.
function nameField(session: Eip712Session, name: Uint8Array): void {
  if (name.length === 0) return
  pushTitle(session, new TextDecoder().decode(name))
  session.fieldFlags.nameProvided = true
}

// check_typename (filtering.c:168-183): the field's type name without size or array levels.
function expectType(session: Eip712Session, expected: string): void {
  const field = currentField(session)
  const typename =
    field?.kind === 'custom' ? field.structName : field?.kind === 'bytesN' ? 'bytes' : field?.kind
  if (typename !== expected) throw noInfo(`Filter expects a ${expected} field`)
}

/** Reads a filter payload front to back; running short is a 0x6A00 like the app's bounds checks. */
class PayloadReader {
  private offset = 0

  constructor(private readonly data: Uint8Array) {}

  byte(): number {
    return this.bytes(1)[0]!
  }

  bytes(length: number): Uint8Array {
    if (this.offset + length > this.data.length) throw noInfo('Short filter payload')
    const out = this.data.subarray(this.offset, this.offset + length)
    this.offset += length
    return out
  }

  text(length: number): string {
    return new TextDecoder().decode(this.bytes(length))
  }

  /** `sigLen || sig`, which must end the payload exactly. */
  signature(): Uint8Array {
    const length = this.byte()
    if (this.offset + length !== this.data.length) throw noInfo('Bad filter signature length')
    return this.bytes(length)
  }
}
