import { hexToBytes } from 'viem'
import type { Apdu } from '../../apdu/apdu.js'
import { concatBytes } from '../../apdu/bytes.js'
import type { DecodedTransaction } from '../transaction.js'
import type { EnumValue } from './enumValue.js'
import type { ProxyInfo } from './proxyInfo.js'
import { malformed } from './tlv.js'
import { createTxContextList, type TxContextList } from './txContexts.js'
import { toBytes } from './value.js'

/**
 * A transaction stored for the generic parser (SIGN TX with P2 01) and what the host has described
 * of it since: the contexts of the calls it makes (its own, and the inner calls its CALLDATA
 * fields name), each with its TRANSACTION INFO and the running SHA3-256 of its FIELDs, and the
 * review's field table.
 */
export type GenericParserSession = {
  readonly path: readonly number[]
  readonly bytes: Uint8Array
  readonly tx: DecodedTransaction
  readonly calls: TxContextList
}

/**
 * The generic parser's device state: the stored transaction, accepted enums and proxy info, a TLV
 * in transit.
 */
export type GenericParserState = {
  /** The transaction being received is for the store mode (its first chunk had P2 01). */
  storing: boolean
  session: GenericParserSession | undefined
  enums: EnumValue[]
  /** The last PROXY_INFO accepted (E0 2A), until the context resets. */
  proxy: ProxyInfo | undefined
  tlv: { readonly expected: number; bytes: Uint8Array } | undefined
}

/** An empty state. */
export function createGenericParserState(): GenericParserState {
  return { storing: false, session: undefined, enums: [], proxy: undefined, tlv: undefined }
}

/**
 * Starts a session for a stored transaction signed by `from`: its context (eth_ustream.c
 * `tx_ctx_init` with the transaction's `to`, value and chain id) is the list's first and current.
 */
export function startSession(
  path: readonly number[],
  bytes: Uint8Array,
  tx: DecodedTransaction,
  from: Uint8Array,
): GenericParserSession {
  const calls = createTxContextList({
    calldata: { selector: tx.data.subarray(0, 4), args: tx.data.subarray(4) },
    from,
    to: tx.to ? hexToBytes(tx.to) : new Uint8Array(20),
    amount: toBytes(tx.value, 32),
    chainId: tx.chainId,
  })
  return { path, bytes, tx, calls }
}

/**
 * `tlv_from_apdu`: P1 01 starts a payload with its 2-byte length, P1 00 continues it. Returns the
 * whole payload once received, `undefined` while more is expected. One buffer serves every TLV
 * command, so a new first chunk over an unfinished payload fails.
 */
export function receiveTlvChunk(state: GenericParserState, apdu: Apdu): Uint8Array | undefined {
  let { data } = apdu
  if (apdu.p1 === 0x01) {
    if (data.length < 2) throw malformed('TLV chunk without its length')
    if (state.tlv) {
      state.tlv = undefined
      throw malformed('Remnants of an incomplete TLV payload')
    }
    state.tlv = { expected: (data[0]! << 8) | data[1]!, bytes: new Uint8Array() }
    data = data.subarray(2)
  }
  const pending = state.tlv
  if (!pending) throw malformed('No TLV payload in progress')
  if (pending.bytes.length + data.length > pending.expected) {
    state.tlv = undefined
    throw malformed('TLV payload bigger than announced')
  }
  pending.bytes = concatBytes(pending.bytes, data)
  if (pending.bytes.length < pending.expected) return undefined
  state.tlv = undefined
  return pending.bytes
}
