import { bytesToHex } from 'viem'
import { networkFor } from '../networks.js'
import { type TokenSlots, tokenAt, tokenIndexByAddress } from '../tokenSlots.js'
import { lastBytes, readParamValues, requiredTag } from './paramValues.js'
import { malformed, type TlvEntry, tlvByTag } from './tlv.js'
import { parseValue, type ValueContext } from './value.js'

// MAX_NATIVE_ADDRS (gtp_param_token.h).
const maxNativeAddresses = 2

/**
 * A TOKEN param (gtp_param_token.c): the ticker of each token address, the network's for the
 * addresses listed as native currency, else the ticker of an accepted ERC-20 descriptor. An
 * address with neither fails (0x6A80). As in the app, the ticker found for one value stays for
 * the next ones (`ticker` is not reset in the loop).
 */
export function formatToken(
  entries: readonly TlvEntry[],
  context: ValueContext & { readonly tokens: TokenSlots },
): string[] {
  const tags = tlvByTag(entries, [0x00, 0x01, 0x02], [0x02])
  const natives = (tags.get(0x02) ?? []).map((entry) => {
    if (entry.value.length > 20) throw malformed('Native currency address too long')
    return bytesToHex(lastBytes(entry.value, 20))
  })
  if (natives.length > maxNativeAddresses) throw malformed('Too many native currency addresses')
  const ref = parseValue(requiredTag(entries, 0x01).value)
  let ticker: string | undefined
  return readParamValues(ref, context).map((bytes) => {
    const address = bytesToHex(lastBytes(bytes, 20))
    if (natives.includes(address)) ticker = networkFor(context.chainId).ticker
    else {
      const known = tokenAt(context.tokens, tokenIndexByAddress(context.tokens, address))
      if (known) ticker = known.ticker
    }
    if (ticker === undefined) throw malformed('Token without a descriptor')
    return ticker
  })
}
