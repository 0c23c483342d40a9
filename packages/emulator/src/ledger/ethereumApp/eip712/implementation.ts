import { hexToBytes, keccak256 } from 'viem'
import { concatBytes, readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import { ApduStatusError } from '../../errors.js'
import { encodeAtomicValue } from './encodeValue.js'
import type { Eip712Field, Eip712Frame, Eip712Session } from './session.js'
import { structFields, typeHash } from './typeHash.js'

/** What the session expects next: an array length, an atomic value, or nothing. */
export type Eip712Slot =
  | { readonly kind: 'array-size'; readonly field: Eip712Field; readonly depth: number }
  | { readonly kind: 'value'; readonly field: Eip712Field }
  | { readonly kind: 'none' }

const bad = (why: string) => new ApduStatusError(StatusWord.incorrectData, why)

/** Root struct (P2 00): `EIP712Domain` first, then the primary type. */
export function startRoot(session: Eip712Session, name: string): void {
  if (session.stack.length > 0 || session.pendingValue) throw bad('Previous struct incomplete')
  if (name === 'EIP712Domain') session.root = 'domain'
  else if (session.domainHash) session.root = 'message'
  else throw bad('Domain must come first')
  structFields(session.structs, name)
  session.stack.push({ kind: 'struct', structName: name, key: name, index: 0, encoded: [] })
  normalize(session)
}

/** Array length (P2 0F): opens the next array level. */
export function receiveArraySize(session: Eip712Session, size: number): void {
  const slot = nextSlot(session)
  if (slot.kind !== 'array-size') throw bad('Not expecting an array')
  // Levels are listed as written (`string[3][]`); the outermost array is the last one.
  const levels = slot.field.arrayLevels
  const fixed = levels[levels.length - slot.depth]
  if (fixed !== null && fixed !== undefined && fixed !== size)
    throw bad('Fixed array size mismatch')
  session.stack.push({
    kind: 'array',
    field: slot.field,
    depth: slot.depth,
    length: size,
    index: 0,
    encoded: [],
  })
  normalize(session)
}

/** Called with each complete atomic value, before it is hashed into its parent: the review. */
export type Eip712ValueListener = (field: Eip712Field, raw: Uint8Array) => void

/**
 * Field value chunk (P2 FF): `length (2) || value`, split with P1 other than 00 (partial) / 00
 * (last). `onValue` sees each complete value.
 */
export function receiveValueChunk(
  session: Eip712Session,
  partial: boolean,
  data: Uint8Array,
  onValue: Eip712ValueListener = () => {},
): void {
  if (!session.pendingValue) {
    if (data.length < 2) throw bad('Missing value length')
    session.pendingValue = { expected: (data[0]! << 8) | data[1]!, bytes: data.slice(2) }
  } else {
    session.pendingValue.bytes = concatBytes(session.pendingValue.bytes, data)
  }
  const { expected, bytes } = session.pendingValue
  if (bytes.length > expected) throw bad('Value longer than announced')
  if (partial) return
  session.pendingValue = undefined
  // hw-app-eth can drop the last byte of a 256-byte field (it slices 255-byte chunks of a
  // ceil(length / 256) count), so a short "complete" value is refused like the app refuses it.
  if (bytes.length !== expected) throw bad('Value shorter than announced')
  const slot = nextSlot(session)
  if (slot.kind !== 'value') throw bad('Not expecting a value')
  const { word } = encodeAtomicValue(slot.field, bytes)
  onValue(slot.field, bytes)
  if (session.root === 'domain') captureDomainField(session, slot.field, bytes)
  topFrame(session).encoded.push(word)
  advance(session)
  normalize(session)
}

/**
 * The filter path of the field expected next: the key of each struct level, `.[]` once per array
 * level of an array field, joined with dots, e.g. `details.token`, `witness.outputs.[].token`
 * (filtering.c:55-76).
 */
export function currentFieldPath(session: Eip712Session): string {
  const keys: string[] = []
  for (const frame of session.stack) {
    if (frame.kind !== 'struct') continue
    const field = structFields(session.structs, frame.structName)[frame.index]
    if (!field) continue
    keys.push(field.name + '.[]'.repeat(field.arrayLevels.length))
  }
  return keys.join('.')
}

/** The struct field the next value belongs to (`path_get_field()`), if any. */
export function currentField(session: Eip712Session): Eip712Field | undefined {
  for (let i = session.stack.length - 1; i >= 0; i--) {
    const frame = session.stack[i]!
    if (frame.kind === 'struct') return structFields(session.structs, frame.structName)[frame.index]
  }
  return undefined
}

// The domain's `verifyingContract` and `chainId`, whatever their depth (field_hash.c:162-200). The
// raw bytes are copied to the front, not right-aligned; a string is only allowed as "cosmos".
function captureDomainField(session: Eip712Session, field: Eip712Field, raw: Uint8Array): void {
  if (field.name === 'verifyingContract') {
    const cosmos = field.kind === 'string' && new TextDecoder().decode(raw) === 'cosmos'
    if (field.kind !== 'address' && !cosmos) throw bad('Unsupported verifyingContract type')
    session.verifyingContract = new Uint8Array(20)
    session.verifyingContract.set(raw)
  } else if (field.name === 'chainId') {
    session.chainId = readUintBE(raw) & 0xffffffffffffffffn
  }
}

/** What the next struct-implementation APDU must carry. */
export function nextSlot(session: Eip712Session): Eip712Slot {
  const top = session.stack.at(-1)
  if (!top) return { kind: 'none' }
  const field =
    top.kind === 'struct' ? structFields(session.structs, top.structName)[top.index]! : top.field
  const depth = top.kind === 'struct' ? 0 : top.depth
  if (depth < field.arrayLevels.length) return { kind: 'array-size', field, depth: depth + 1 }
  return { kind: 'value', field }
}

// Opens nested structs and closes completed frames until the top frame expects an APDU.
function normalize(session: Eip712Session): void {
  for (;;) {
    const top = session.stack.at(-1)
    if (!top) return
    if (isComplete(session, top)) {
      session.stack.pop()
      const word = finish(session, top)
      if (session.stack.length === 0) {
        if (session.root === 'domain') session.domainHash = word
        else session.messageHash = word
        return
      }
      topFrame(session).encoded.push(word)
      advance(session)
      continue
    }
    const slot = nextSlot(session)
    if (slot.kind !== 'value' || slot.field.kind !== 'custom') return
    const { structName, name } = slot.field
    session.stack.push({ kind: 'struct', structName, key: name, index: 0, encoded: [] })
  }
}

function isComplete(session: Eip712Session, frame: Eip712Frame): boolean {
  return frame.kind === 'struct'
    ? frame.index >= structFields(session.structs, frame.structName).length
    : frame.index >= (frame.length ?? 0)
}

function finish(session: Eip712Session, frame: Eip712Frame): Uint8Array {
  const parts =
    frame.kind === 'struct'
      ? [typeHash(session.structs, frame.structName), ...frame.encoded]
      : frame.encoded
  return hexToBytes(keccak256(concatBytes(...parts)))
}

function topFrame(session: Eip712Session): Eip712Frame {
  const top = session.stack.at(-1)
  if (!top) throw bad('No struct in progress')
  return top
}

function advance(session: Eip712Session): void {
  topFrame(session).index++
}
