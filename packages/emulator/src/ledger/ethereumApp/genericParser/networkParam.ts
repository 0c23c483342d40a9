import { readUintBE } from '../../apdu/bytes.js'
import { knownNetworkName } from '../networks.js'
import { readParamValues, requiredTag } from './paramValues.js'
import { malformed, type TlvEntry, tlvByTag } from './tlv.js'
import { parseValue, TypeFamily, type ValueContext } from './value.js'

// MAX_VALID_CHAIN_ID (EIP-2294).
const maxChainId = 0x7fffffffffffffdbn

/**
 * A NETWORK param (gtp_param_network.c): each value a uint chain id of exactly 8 bytes (the
 * transaction's CHAIN_ID container or an 8-byte constant; a 32-byte calldata word fails), shown
 * as the network's name, or its digits when the app does not know it. Chain id 0 or over
 * EIP-2294's bound fails.
 */
export function formatNetwork(entries: readonly TlvEntry[], context: ValueContext): string[] {
  tlvByTag(entries, [0x00, 0x01])
  const ref = parseValue(requiredTag(entries, 0x01).value)
  return readParamValues(ref, context).map((bytes) => {
    if (ref.typeFamily !== TypeFamily.uint) throw malformed('Network value is not a uint')
    if (bytes.length !== 8) throw malformed('Chain id is not 8 bytes')
    const chainId = readUintBE(bytes)
    if (chainId === 0n || chainId > maxChainId) throw malformed('Unsupported chain id')
    return knownNetworkName(chainId) ?? chainId.toString()
  })
}
