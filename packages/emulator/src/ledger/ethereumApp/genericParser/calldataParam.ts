import { readUintBE } from '../../apdu/bytes.js'
import { lastBytes, readParamValues } from './paramValues.js'
import { malformed, readTlv, tlvByTag } from './tlv.js'
import type { NewTxContext } from './txContexts.js'
import { parseValue, type ValueContext } from './value.js'

/** The inner calls a CALLDATA field names, and how many (the batch's size). */
export type NestedCalls = readonly NewTxContext[]

// PARAM_CALLDATA_TAGS (gtp_param_calldata.c): version, value (the calldata), callee, chain id,
// selector, amount, spender; value and callee unique.
const tag = {
  version: 0x00,
  value: 0x01,
  callee: 0x02,
  chainId: 0x03,
  selector: 0x04,
  amount: 0x05,
  spender: 0x06,
} as const

/**
 * `format_param_calldata`: reads, in the calling context, each inner call's calldata and callee
 * (and its chain id, selector, amount and spender where the param references them); every
 * reference must read as many values as the calldata (0x6A80 otherwise). Without a selector
 * reference the calldata starts with it (at least 4 bytes, 0x6A80 otherwise); empty calldata is a
 * plain transfer. Shows nothing itself: the inner calls' fields do.
 */
export function readNestedCalls(payload: Uint8Array, context: ValueContext): NestedCalls {
  const tags = tlvByTag(readTlv(payload), Object.values(tag), [
    tag.chainId,
    tag.selector,
    tag.amount,
    tag.spender,
  ])
  const ref = (t: number) => {
    const entry = tags.get(t)?.at(-1)
    return entry ? parseValue(entry.value) : undefined
  }
  const valueRef = ref(tag.value)
  const calleeRef = ref(tag.callee)
  // An absent value or callee leaves a zeroed VALUE (a calldata path with no element), which
  // reads nothing the app can use.
  if (!valueRef || !calleeRef) throw malformed('CALLDATA param without value or callee')
  const calldatas = readParamValues(valueRef, context)
  const read = (t: number) => {
    const r = ref(t)
    if (!r) return undefined
    const values = readParamValues(r, context)
    if (values.length !== calldatas.length) throw malformed('CALLDATA references differ in count')
    return values
  }
  const callees = readParamValues(calleeRef, context)
  if (callees.length !== calldatas.length) throw malformed('CALLDATA references differ in count')
  const chainIds = read(tag.chainId)
  const selectors = read(tag.selector)
  const amounts = read(tag.amount)
  const spenders = read(tag.spender)
  return calldatas.map((calldata, i) => ({
    calldata: splitCalldata(calldata, selectors?.[i]),
    to: lastBytes(callees[i]!, 20),
    amount: amounts ? lastBytes(amounts[i]!, 32) : undefined,
    from: spenders ? lastBytes(spenders[i]!, 20) : undefined,
    chainId: chainIds ? readUintBE(lastBytes(chainIds[i]!, 8)) : undefined,
  }))
}

function splitCalldata(
  calldata: Uint8Array,
  selector: Uint8Array | undefined,
): NewTxContext['calldata'] {
  if (calldata.length === 0) return undefined
  if (selector) return { selector: lastBytes(selector, 4), args: calldata }
  if (calldata.length < 4) throw malformed('Nested calldata shorter than a selector')
  return { selector: calldata.subarray(0, 4), args: calldata.subarray(4) }
}
