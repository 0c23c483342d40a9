import { type Address, bytesToHex, getAddress, type Hex, hexToBigInt } from 'viem'
import { readCalldataValues } from './readCalldataAddresses.js'
import type { LedgerNestedCallReferences } from './types.js'

/** A call as the generic parser reads it: its chain, callee, calldata, value and sender. */
export type ReadCall = {
  chainId: number
  to: Address
  data: Hex
  from?: Address | undefined
  value?: bigint | undefined
}

/**
 * The inner calls a CALLDATA field names in `call`, as app 1.22.0 reads them
 * (gtp_param_calldata.c `format_param_calldata`): one per calldata value, its callee, and where the
 * field references them its chain id, selector (else the calldata's first 4 bytes), amount and
 * sender (else the calling call's chain and sender). `undefined` where the device would refuse
 * the field: a reference reading another number of values than the calldata, calldata shorter
 * than a selector.
 */
export function readNestedCalls(
  references: LedgerNestedCallReferences,
  call: ReadCall,
): ReadCall[] | undefined {
  const calldatas = readCalldataValues(references.value, call)
  const read = (reference: LedgerNestedCallReferences['value'] | undefined) => {
    if (!reference) return undefined
    const values = readCalldataValues(reference, call)
    return values.length === calldatas.length ? values : null
  }
  const callees = read(references.callee)
  const chainIds = read(references.chainId)
  const selectors = read(references.selector)
  const amounts = read(references.amount)
  const spenders = read(references.spender)
  if (calldatas.length === 0 || !callees) return undefined
  if (chainIds === null || selectors === null || amounts === null || spenders === null)
    return undefined
  const inner: ReadCall[] = []
  for (const [i, calldata] of calldatas.entries()) {
    const selector = selectors?.[i]
    if (calldata.length > 0 && !selector && calldata.length < 4) return undefined
    inner.push({
      chainId: chainIds ? Number(hexToBigInt(bytesToHex(last(chainIds[i]!, 8)))) : call.chainId,
      to: getAddress(bytesToHex(last(callees[i]!, 20))),
      data:
        calldata.length === 0
          ? '0x'
          : selector
            ? (`${bytesToHex(last(selector, 4))}${bytesToHex(calldata).slice(2)}` as Hex)
            : bytesToHex(calldata),
      from: spenders ? getAddress(bytesToHex(last(spenders[i]!, 20))) : call.from,
      value: amounts ? hexToBigInt(bytesToHex(last(amounts[i]!, 32))) : undefined,
    })
  }
  return inner
}

// `buf_shrink_expand`: the last `size` bytes, left-padded with zeros when shorter.
function last(bytes: Uint8Array, size: number): Uint8Array {
  if (bytes.length >= size) return bytes.subarray(bytes.length - size)
  const out = new Uint8Array(size)
  out.set(bytes, size - bytes.length)
  return out
}
