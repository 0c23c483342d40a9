import { bytesToHex } from 'viem'
import { recordErrorScreen } from '../../../common/review.js'
import type { EmulatorScreen } from '../../../common/types.js'
import { readUintBE } from '../../apdu/bytes.js'
import { StatusWord } from '../../apdu/statusWords.js'
import type { LedgerDevice } from '../../device.js'
import { ApduStatusError } from '../../errors.js'
import { appVersionAtLeast } from '../appVersion.js'
import { formatTokenAmount } from '../erc20Plugin.js'
import { networkFor } from '../networks.js'
import { tokenAt } from '../tokenSlots.js'
import { formatDatetime } from './datetime.js'
import { encodeAtomicValue } from './encodeValue.js'
import { type Eip712Field, type Eip712Session, noFieldFlags } from './session.js'

/** The blind-signing warning the app opens unfiltered reviews with (ui_712_start, common_712.c:99-105). */
export const eip712BlindSigningWarning: EmulatorScreen = {
  title: 'Blind signing',
  value: 'This message cannot be clear-signed',
}

// Stax and Flex build with SCREEN_SIZE_WALLET: their unfiltered review shows every field.
function isWallet(device: LedgerDevice): boolean {
  return device.model === 'stax' || device.model === 'flex'
}

/** `ui_712_set_title`: a new pair, its value to come. */
export function pushTitle(session: Eip712Session, title: string): void {
  session.pairs.push({ title, value: undefined })
}

/** `ui_712_set_value`: fills the last pair, unless it already has a value. */
export function setValue(session: Eip712Session, value: string): void {
  const last = session.pairs.at(-1)
  if (last && last.value === undefined) last.value = value
}

/**
 * `ui_712_redraw_generic_step`: the first pair to show starts the review, and that is where an
 * unfiltered message is refused when neither blind signing nor verbose EIP-712 is on
 * (ui_logic.c:255-264, "Both settings not enabled => Error"; since app 1.12.0).
 */
export function showStep(device: LedgerDevice, session: Eip712Session): void {
  if (session.started) return
  const unfiltered = session.filteringMode === 'basic'
  if (
    unfiltered &&
    !device.blindSigning &&
    !device.verboseEip712 &&
    appVersionAtLeast(device, '1.12.0')
  ) {
    recordErrorScreen(device, 'typed-data', {
      title: 'Blind signing',
      value: 'Enable blind signing in Settings',
    })
    throw new ApduStatusError(StatusWord.incorrectData, 'Blind signing and verbose EIP-712 off')
  }
  session.started = true
}

/**
 * EIP712 SEND STRUCT IMPLEMENTATION root (P2 00), commands_712.c:137-155: "Review struct" on Stax
 * and Flex when unfiltered, on Nano with verbose EIP-712; then, for the message of a filtered
 * review on another chain than Ethereum, a "Network" pair (since app 1.21.0).
 */
export function reviewRoot(device: LedgerDevice, session: Eip712Session, name: string): void {
  const reviewStruct = isWallet(device) ? session.filteringMode === 'basic' : device.verboseEip712
  if (reviewStruct) {
    pushTitle(session, 'Review struct')
    setValue(session, name)
    showStep(device, session)
  }
  if (
    session.root === 'message' &&
    session.filteringMode === 'full' &&
    session.chainId !== 1n &&
    appVersionAtLeast(device, '1.21.0')
  ) {
    pushTitle(session, 'Network')
    setValue(session, networkName(session.chainId))
    showStep(device, session)
  }
  session.fieldFlags = noFieldFlags()
}

// get_network_name_from_chain_id, or the chain id in decimal.
function networkName(chainId: bigint): string {
  const { name } = networkFor(chainId)
  return name.startsWith('Chain ID ') ? chainId.toString() : name
}

/** Whether the field being received is displayed (`ui_712_field_shown`, ui_logic.c:131-148). */
function fieldShown(device: LedgerDevice, session: Eip712Session): boolean {
  if (session.filteringMode === 'full') return session.fieldFlags.shown
  return isWallet(device) || device.verboseEip712 || session.root === 'domain'
}

/**
 * A complete field value (ui_712_feed_to_display, ui_logic.c:943-1038, and field_hash.c:258):
 * titled with its key unless a filter named it, formatted by type, then as an amount-join or a
 * date when a filter said so.
 */
export function reviewValue(
  device: LedgerDevice,
  session: Eip712Session,
  field: Eip712Field,
  raw: Uint8Array,
): void {
  const flags = session.fieldFlags
  if (fieldShown(device, session) && !flags.nameProvided) pushTitle(session, field.name)
  let value = fieldShown(device, session) ? formatValue(field, raw) : undefined
  if (flags.amountJoin) value = updateAmountJoin(device, session, raw) ?? value
  if (flags.datetime) value = formatDatetime(raw, field.size ?? 32)
  if (fieldShown(device, session) && value !== undefined) {
    setValue(session, value)
    showStep(device, session)
  }
  session.fieldFlags = noFieldFlags()
}

/**
 * How the app prints an atomic value (ui_logic.c:348-547): addresses EIP-55, integers in decimal
 * (negative only when sent at full size), bytes in 0x-hex, strings as text.
 */
export function formatValue(field: Eip712Field, raw: Uint8Array): string {
  if (field.kind === 'address' && raw.length !== 20) {
    throw new ApduStatusError(StatusWord.incorrectData, 'Bad address')
  }
  if (field.kind === 'bool' && raw.length !== 1) {
    throw new ApduStatusError(StatusWord.incorrectData, 'Bad bool')
  }
  return encodeAtomicValue(field, raw).display
}

// update_amount_join + ui_712_format_amount_join (ui_logic.c:574-672): the token part checks the
// address against the provided token, the value part records the amount; once both arrived the
// field shows as `amount TICKER` (`???` and no decimals without a descriptor) under the join name.
function updateAmountJoin(
  device: LedgerDevice,
  session: Eip712Session,
  raw: Uint8Array,
): string | undefined {
  const { index, part } = session.amountJoin
  const token = tokenAt(device.tokens, index)
  if (!token && device.tokens.current === index) {
    // So that the following amount-joins find their tokens in the expected slots.
    device.tokens.current = (index + 1) % device.tokens.slots.length
  }
  const join = amountJoin(session, index)
  if (part === 'token') {
    if (raw.length !== 20) throw new ApduStatusError(StatusWord.incorrectData, 'Bad token address')
    if (token && bytesToHex(raw) !== token.address.toLowerCase()) {
      throw new ApduStatusError(StatusWord.parameterErrorNoInfo, 'Token does not match its slot')
    }
    join.tokenReceived = true
  } else {
    if (raw.length > 32) throw new ApduStatusError(StatusWord.incorrectData, 'Bad amount')
    join.value = raw
  }
  if (!join.tokenReceived || !join.value) return undefined
  const unlimited = join.value.length === 32 && join.value.every((byte) => byte === 0xff)
  const shown = token ?? { ticker: '???', decimals: 0 }
  const amount = unlimited
    ? `Unlimited ${shown.ticker}`
    : formatTokenAmount(readUintBE(join.value), shown)
  session.fieldFlags.shown = true
  pushTitle(session, join.name)
  session.amountJoins.delete(index)
  return amount
}

/** The amount-join for token slot `index`, created on first use. */
export function amountJoin(session: Eip712Session, index: number) {
  let join = session.amountJoins.get(index)
  if (!join) {
    join = { name: '', tokenReceived: false, value: undefined }
    session.amountJoins.set(index, join)
  }
  return join
}

/**
 * The pairs of the review at SIGN (commands_712.c:303-309): on Nano an unfiltered message without
 * verbose EIP-712 ends with its "Message hash"; unfiltered reviews open with the blind-signing
 * warning.
 */
export function finishReview(device: LedgerDevice, session: Eip712Session): EmulatorScreen[] {
  if (!isWallet(device) && !device.verboseEip712 && session.filteringMode === 'basic') {
    pushTitle(session, 'Message hash')
    setValue(session, bytesToHex(session.messageHash ?? new Uint8Array(32)))
    showStep(device, session)
  }
  const pairs = session.pairs.map((pair) => ({ title: pair.title, value: pair.value ?? '' }))
  return session.filteringMode === 'basic' ? [eip712BlindSigningWarning, ...pairs] : pairs
}
