import { type Address, type Hex, isAddressEqual } from 'viem'
import { findCalldataDescriptor } from '../findCalldataDescriptor.js'
import { type CalCalldataResponse, fromCalDescriptors } from '../fromCalDescriptors.js'
import { readCalldataAddresses } from '../readCalldataAddresses.js'
import type {
  CalldataValueReference,
  LedgerCertificateTarget,
  LedgerDescriptors,
  LedgerNftDescriptor,
  LedgerProxyInfo,
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

/** What fetched mode found for a call: its descriptors, and for a proxy how to ask its proxy info. */
export type FetchedDescriptors = {
  readonly descriptors: LedgerDescriptors
  /** For a call to a proxy: its proxy info signed over the device's challenge. */
  readonly fetchProxyInfo?: ((challenge: number) => Promise<Hex | undefined>) | undefined
}

/**
 * Fetched mode (`ledgerServices`): descriptors asked of CAL when a call needs them, each answer
 * kept for the session. A request names the chain and the called contract, then the tokens and NFT
 * collections its descriptor's fields name in this call; never the account: an address equal to
 * the signer's is not looked up, even where crafted calldata puts it in a token or collection
 * path. As context-module does, a contract CAL has no descriptor for is asked of the metadata
 * service as a proxy, and its implementation's descriptors of CAL; the proxy info the device checks
 * is asked again at signing time with the device's challenge. An unreachable service leaves the
 * call as it would be without descriptors.
 */
export function createDescriptorSource(options: CalClientOptions) {
  const cal = createCalClient(options)
  const contracts = new Map<string, ReturnType<typeof cal.calldataDescriptors>>()
  const proxies = new Map<string, ReturnType<typeof cal.proxyInfo>>()
  const certificates = new Map<string, ReturnType<typeof cal.calldataCertificate>>()
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
  const descriptorsOf = (chainId: number, contract: Address) =>
    once(contracts, `${chainId}:${contract.toLowerCase()}`, () =>
      cal.calldataDescriptors(chainId, contract),
    )
  return async (
    call: CallToDescribe,
    target: LedgerCertificateTarget | undefined,
  ): Promise<FetchedDescriptors | undefined> => {
    // A call to the signer's own address would name it in the request: not asked.
    if (call.from && isAddressEqual(call.to, call.from)) return undefined
    try {
      const selector = call.data.slice(0, 10) as Hex
      const described = (responses: CalCalldataResponse, proxyInfo?: LedgerProxyInfo) =>
        fromCalDescriptors({
          chainId: call.chainId,
          mode: cal.mode,
          responses,
          certificates: {},
          selectors: [selector],
          proxies: proxyInfo ? [proxyInfo] : undefined,
        })
      let found = described(await descriptorsOf(call.chainId, call.to))
      let proxy: LedgerProxyInfo | undefined
      if (!findCalldataDescriptor(found, call)) {
        const delegate = await once(proxies, `${call.chainId}:${call.to.toLowerCase()}`, () =>
          cal.proxyInfo(call.chainId, call.to, selector, undefined),
        )
        if (!delegate) return undefined
        proxy = { chainId: call.chainId, proxy: call.to, ...delegate }
        found = described(await descriptorsOf(call.chainId, delegate.implementation), proxy)
      }
      const descriptor = findCalldataDescriptor(found, call)
      if (!descriptor) return undefined
      const certificate =
        target && (await once(certificates, target, () => cal.calldataCertificate(target)))
      const proxyCertificate =
        proxy &&
        target &&
        (await once(certificates, `proxy:${target}`, () => cal.trustedNameCertificate(target)))
      const set = {
        ...found,
        certificates: target && certificate ? { [target]: certificate } : {},
        ...(proxy
          ? {
              trustedNameCertificates:
                target && proxyCertificate ? { [target]: proxyCertificate } : {},
            }
          : {}),
      }
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
      const descriptors = { ...set, tokens: named, nfts: collections }
      if (!proxy) return { descriptors }
      const implementation = proxy.implementation.toLowerCase()
      return {
        descriptors,
        // A payload for another implementation would not match the descriptor: none is sent then.
        fetchProxyInfo: async (challenge) => {
          try {
            const fresh = await cal.proxyInfo(call.chainId, call.to, selector, challenge)
            return fresh?.implementation.toLowerCase() === implementation
              ? fresh.payload
              : undefined
          } catch (error) {
            if (error instanceof CalRequestError) return undefined
            throw error
          }
        },
      }
    } catch (error) {
      if (error instanceof CalRequestError) return undefined
      throw error
    }
  }
}

/** A session's source of fetched descriptors. */
export type DescriptorSource = ReturnType<typeof createDescriptorSource>
