import { bytesToHex } from 'viem'
import { readUintBE } from '../../apdu/bytes.js'
import { type TokenSlots, tokenAt, tokenIndexByAddress } from '../tokenSlots.js'
import { lastBytes, readParamValues, requiredTag } from './paramValues.js'
import { malformed, type TlvEntry, tlvByTag } from './tlv.js'
import { parseValue, type ValueContext } from './value.js'

/**
 * An NFT param (gtp_param_nft.c): "<collection name> #<id>" for each token id, the collection
 * read from an asset slot PROVIDE NFT INFORMATION (E0 14) filled. No collection value, counts
 * that differ (unless one collection serves every id), or a collection the host did not provide
 * fail (0x6A80).
 */
export function formatNft(
  entries: readonly TlvEntry[],
  context: ValueContext & { readonly tokens: TokenSlots },
): string[] {
  tlvByTag(entries, [0x00, 0x01, 0x02])
  const ids = readParamValues(parseValue(requiredTag(entries, 0x01).value), context)
  const collections = readParamValues(parseValue(requiredTag(entries, 0x02).value), context)
  if (collections.length === 0) throw malformed('NFT without a collection')
  if (collections.length !== 1 && collections.length !== ids.length) {
    throw malformed('NFT collection and id counts differ')
  }
  return ids.map((id, i) => {
    const address = bytesToHex(lastBytes(collections[i] ?? collections[0]!, 20))
    const asset = tokenAt(context.tokens, tokenIndexByAddress(context.tokens, address))
    if (!asset) throw malformed('NFT collection not provided')
    if (id.length > 32) throw malformed('NFT id over 256 bits')
    // The slot is a union: an ERC-20 slot read as a collection gives its ticker.
    return `${asset.collectionName ?? asset.ticker} #${readUintBE(id)}`
  })
}
