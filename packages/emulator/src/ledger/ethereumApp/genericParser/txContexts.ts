import { sha3_256 } from '@noble/hashes/sha3'
import { bytesToHex, formatUnits, getAddress } from 'viem'
import { readUintBE } from '../../apdu/bytes.js'
import { networkFor } from '../networks.js'
import { implementationBehind, type ProxyInfo } from './proxyInfo.js'
import type { TransactionInfo } from './transactionInfo.js'

/**
 * One call the review describes (tx_ctx.c `s_tx_ctx`): the stored transaction, or an inner call a
 * CALLDATA field pushed. A call without calldata is an "empty transaction" (a plain transfer).
 */
export type TxContext = {
  readonly calldata: { readonly selector: Uint8Array; readonly args: Uint8Array } | undefined
  readonly from: Uint8Array
  readonly to: Uint8Array
  /** 32 bytes; zeros when the call names no amount. */
  readonly amount: Uint8Array
  readonly hasAmount: boolean
  readonly chainId: bigint
  info: TransactionInfo | undefined
  readonly fieldsHash: ReturnType<typeof sha3_256.create>
}

/** A line of the review's field table (gtp_field_table.c), `startsIntent` for a batch's "Transaction type". */
export type ReviewEntry = {
  readonly title: string
  readonly value: string
  readonly startsIntent: boolean
}

/**
 * The contexts of one review, in the app's list order, the current one (whose fields arrive), the
 * field table, and the batch counters (`txContext.batch_nb_tx`, `current_batch_size`).
 */
export type TxContextList = {
  readonly contexts: TxContext[]
  current: TxContext | undefined
  readonly entries: ReviewEntry[]
  batchCount: number
  currentBatchSize: number
}

/** A new context's values; `from` and the chain default to the last context's (`tx_ctx_init`). */
export type NewTxContext = {
  readonly calldata: TxContext['calldata']
  readonly from?: Uint8Array | undefined
  readonly to: Uint8Array
  readonly amount?: Uint8Array | undefined
  readonly chainId?: bigint | undefined
}

const emptyFieldsHash = bytesToHex(sha3_256.create().digest())

/** A list holding the stored transaction's context, current. */
export function createTxContextList(root: NewTxContext & { from: Uint8Array }): TxContextList {
  const list: TxContextList = {
    contexts: [],
    current: undefined,
    entries: [],
    batchCount: 0,
    currentBatchSize: 0,
  }
  pushTxContext(list, root)
  list.current = list.contexts[0]
  return list
}

/** `tx_ctx_init` after the first: appends a context for an inner call. */
export function pushTxContext(list: TxContextList, call: NewTxContext): void {
  const last = list.contexts.at(-1)
  list.contexts.push({
    calldata: call.calldata,
    from: call.from ?? last?.from ?? new Uint8Array(20),
    to: call.to,
    amount: call.amount ?? new Uint8Array(32),
    hasAmount: call.amount !== undefined,
    chainId: call.chainId ?? last?.chainId ?? 0n,
    info: undefined,
    fieldsHash: sha3_256.create(),
  })
}

/** `tx_ctx_is_root`: the current context is the list's first. */
export function isRoot(list: TxContextList): boolean {
  return list.current !== undefined && list.current === list.contexts[0]
}

/** `validate_instruction_hash`: the current context's fields hash to its info's FIELDS_HASH. */
export function fieldsComplete(list: TxContextList): boolean {
  const info = list.current?.info
  if (!list.current || !info) return false
  return bytesToHex(list.current.fieldsHash.clone().digest()) === bytesToHex(info.fieldsHash)
}

/**
 * `find_matching_tx_ctx`: the first context (in list order) whose `to`, or the implementation an
 * accepted proxy info puts behind it, is the info's contract, with calldata of the info's selector
 * on the info's chain; it becomes current.
 */
export function selectMatchingContext(
  list: TxContextList,
  info: TransactionInfo,
  proxy: ProxyInfo | undefined,
): boolean {
  const contract = bytesToHex(info.contract)
  const selector = bytesToHex(info.selector)
  for (const context of list.contexts) {
    const implementation = implementationBehind(proxy, {
      chainId: info.chainId,
      to: context.to,
      selector: info.selector,
    })
    if (
      bytesToHex(implementation ?? context.to) === contract &&
      context.calldata !== undefined &&
      bytesToHex(context.calldata.selector) === selector &&
      info.chainId === context.chainId
    ) {
      list.current = context
      return true
    }
  }
  return false
}

/**
 * `set_tx_info_into_tx_ctx`: an inner call's info adds its intent ("Transaction type") and, when
 * it describes no field (its FIELDS_HASH is that of nothing), the context is done at once.
 */
export function setCurrentInfo(list: TxContextList, info: TransactionInfo): void {
  const current = list.current
  if (!current) return
  current.info = info
  if (isRoot(list)) return
  addIntent(list, info.operationType)
  if (bytesToHex(info.fieldsHash) === emptyFieldsHash) popTxContext(list)
}

/** `tx_ctx_pop`: removes the current context; the one before it becomes current. */
export function popTxContext(list: TxContextList): void {
  const current = list.current
  if (!current) return
  const index = list.contexts.indexOf(current)
  list.current = list.contexts[index - 1]
  list.contexts.splice(index, 1)
}

/** `process_empty_txs_before`: shows and removes the calldata-less contexts just before the current. */
export function showEmptyCallsBefore(list: TxContextList): void {
  const current = list.current
  if (!current) return
  for (let i = list.contexts.indexOf(current) - 1; i >= 0; i--) {
    const context = list.contexts[i]!
    if (context.calldata !== undefined) break
    showEmptyCall(list, context)
  }
}

/** `process_empty_txs_after`: shows and removes the calldata-less contexts just after the current. */
export function showEmptyCallsAfter(list: TxContextList): void {
  const current = list.current
  if (!current) return
  let index = list.contexts.indexOf(current) + 1
  while (index < list.contexts.length && list.contexts[index]!.calldata === undefined) {
    showEmptyCall(list, list.contexts[index]!)
    index = list.contexts.indexOf(current) + 1
  }
}

/** `add_to_field_table` for a formatted field. */
export function addEntry(list: TxContextList, title: string, value: string): void {
  list.entries.push({ title, value, startsIntent: false })
}

// `set_intent_field`: an intent of a batch of more than one call starts a "Review transaction
// n of m" page; otherwise it is a plain entry.
function addIntent(list: TxContextList, value: string): void {
  list.entries.push({ title: 'Transaction type', value, startsIntent: list.currentBatchSize !== 1 })
}

// `process_empty_tx`: "Send" with the amount in the chain's coin, or "Empty transaction"; then the
// recipient (the emulator holds no trusted names for accounts: its address).
function showEmptyCall(list: TxContextList, context: TxContext): void {
  if (context.hasAmount) {
    addIntent(list, 'Send')
    const chainId = context.info?.chainId ?? list.contexts[0]?.info?.chainId ?? 0n
    const ticker = networkFor(chainId).ticker
    addEntry(list, 'Amount', `${formatUnits(readUintBE(context.amount), 18)} ${ticker}`)
  } else {
    addIntent(list, 'Empty transaction')
  }
  addEntry(list, 'To', getAddress(bytesToHex(context.to)))
  list.contexts.splice(list.contexts.indexOf(context), 1)
}
