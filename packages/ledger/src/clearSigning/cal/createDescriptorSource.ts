import { type Address, isAddressEqual } from 'viem'
import { findCalldataDescriptor } from '../findCalldataDescriptor.js'
import { fromCalDescriptors } from '../fromCalDescriptors.js'
import { readCalldataAddresses } from '../readCalldataAddresses.js'
import type {
  CalldataValueReference,
  LedgerCertificateTarget,
  LedgerDescriptors,
  LedgerNftDescriptor,
  LedgerTokenDescriptor,
} from '../types.js'
import { type CalClientOptions, createCalClient } from './calClient.js'
import { CalRequestError } from './calErrors.js'

/** A call a fetched descriptor may describe, and its signer (never asked about). */
export type CallToDescribe = {
  chainId: number
  to: Address
  data: `0x${string}`
  from?: Address | undefined
}

/**
 * Fetched mode (`ledgerServices`): descriptors asked of CAL when a call needs them, each answer
 * kept for the session. A request names the chain and the called contract, then the tokens and NFT
 * collections its descriptor's fields name in this call; never the account: an address equal to
 * the signer's is not looked up, even where crafted calldata puts it in a token or collection
 * path. An unreachable CAL leaves the call as it would be without descriptors.
 */
export function createDescriptorSource(options: CalClientOptions) {
  const cal = createCalClient(options)
  const contracts = new Map<string, ReturnType<typeof cal.calldataDescriptors>>()
  const certificates = new Map<
    LedgerCertificateTarget,
    ReturnType<typeof cal.calldataCertificate>
  >()
  const tokens = new Map<string, ReturnType<typeof cal.token>>()
  const nfts = new Map<string, ReturnType<typeof cal.nft>>()
  const once = <key, value>(
    cache: Map<key, Promise<value>>,
    key: key,
    load: () => Promise<value>,
  ) => {
    let pending = cache.get(key)
    if (!pending) {
      pending = load()
      // A failed request is asked again next time rather than remembered.
      pending.catch(() => cache.delete(key))
      cache.set(key, pending)
    }
    return pending
  }
  return async (
    call: CallToDescribe,
    target: LedgerCertificateTarget | undefined,
  ): Promise<LedgerDescriptors | undefined> => {
    // A call to the signer's own address would name it in the request: not asked.
    if (call.from && isAddressEqual(call.to, call.from)) return undefined
    try {
      const responses = await once(contracts, `${call.chainId}:${call.to.toLowerCase()}`, () =>
        cal.calldataDescriptors(call.chainId, call.to),
      )
      const found = fromCalDescriptors({
        chainId: call.chainId,
        mode: cal.mode,
        responses,
        certificates: {},
        selectors: [call.data.slice(0, 10) as `0x${string}`],
      })
      const descriptor = findCalldataDescriptor(found, call)
      if (!descriptor) return undefined
      const certificate =
        target && (await once(certificates, target, () => cal.calldataCertificate(target)))
      const set = { ...found, certificates: target && certificate ? { [target]: certificate } : {} }
      const named: LedgerTokenDescriptor[] = []
      const collections: LedgerNftDescriptor[] = []
      const lookable = (reference: CalldataValueReference | undefined) =>
        (reference ? readCalldataAddresses(reference, call) : []).filter(
          (address) => !call.from || !isAddressEqual(address, call.from),
        )
      for (const field of descriptor.fields) {
        for (const address of lookable(field.token)) {
          const token = await once(tokens, `${call.chainId}:${address.toLowerCase()}`, () =>
            cal.token(call.chainId, address),
          )
          if (token) named.push(token)
        }
        for (const address of lookable(field.nft)) {
          const nft = await once(nfts, `${call.chainId}:${address.toLowerCase()}`, () =>
            cal.nft(call.chainId, address),
          )
          if (nft) collections.push(nft)
        }
      }
      return { ...set, tokens: named, nfts: collections }
    } catch (error) {
      if (error instanceof CalRequestError) return undefined
      throw error
    }
  }
}

/** A session's source of fetched descriptors. */
export type DescriptorSource = ReturnType<typeof createDescriptorSource>
