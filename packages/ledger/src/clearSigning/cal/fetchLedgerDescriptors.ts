import type { Address, Hex } from 'viem'
import { fromCalDescriptors } from '../fromCalDescriptors.js'
import type {
  LedgerCertificateTarget,
  LedgerDescriptors,
  LedgerNftDescriptor,
  LedgerProxyInfo,
  LedgerTokenDescriptor,
} from '../types.js'
import { type CalClientOptions, createCalClient } from './calClient.js'

/** Every model CAL issues certificates for. */
export const certificateTargets: readonly LedgerCertificateTarget[] = [
  'nanoS',
  'nanoSP',
  'nanoX',
  'stax',
  'flex',
  'apexp',
]

/**
 * Fetches from CAL the signed descriptors of `contracts` on `chainId` (all their functions, or
 * `selectors`), the CALLDATA certificate of each model in `targets`, the ERC-20 descriptors of
 * `tokens` and the NFT information of the collections `nfts`: what `airlock-ledger descriptors`
 * writes into a module. A contract CAL has no descriptor for is asked of the metadata service as a
 * proxy (context-module's order): its proxy info (without a challenge, so any review may use it),
 * the implementation's descriptors, and the TRUSTED_NAME certificate of each model.
 */
export async function fetchLedgerDescriptors(
  options: CalClientOptions & {
    chainId: number
    contracts: readonly Address[]
    selectors?: readonly Hex[] | undefined
    tokens?: readonly Address[] | undefined
    nfts?: readonly Address[] | undefined
    targets?: readonly LedgerCertificateTarget[] | undefined
  },
): Promise<LedgerDescriptors> {
  const cal = createCalClient(options)
  const responses = []
  const proxies: LedgerProxyInfo[] = []
  for (const contract of options.contracts) {
    const own = await cal.calldataDescriptors(options.chainId, contract)
    if (own.some((response) => Object.keys(response.descriptors_calldata ?? {}).length > 0)) {
      responses.push(...own)
      continue
    }
    const selector = options.selectors?.[0] ?? '0x'
    const proxy = await cal.proxyInfo(options.chainId, contract, selector, undefined)
    if (!proxy) continue
    proxies.push({ chainId: options.chainId, proxy: contract, ...proxy })
    responses.push(...(await cal.calldataDescriptors(options.chainId, proxy.implementation)))
  }
  const trustedNameCertificates: Partial<Record<LedgerCertificateTarget, Hex>> = {}
  if (proxies.length > 0) {
    for (const target of options.targets ?? certificateTargets) {
      const certificate = await cal.trustedNameCertificate(target)
      if (certificate) trustedNameCertificates[target] = certificate
    }
  }
  const certificates: Partial<Record<LedgerCertificateTarget, Hex>> = {}
  for (const target of options.targets ?? certificateTargets) {
    const certificate = await cal.calldataCertificate(target)
    if (certificate) certificates[target] = certificate
  }
  const tokens: LedgerTokenDescriptor[] = []
  for (const address of options.tokens ?? []) {
    const token = await cal.token(options.chainId, address)
    if (token) tokens.push(token)
  }
  const nfts: LedgerNftDescriptor[] = []
  for (const address of options.nfts ?? []) {
    const nft = await cal.nft(options.chainId, address)
    if (nft) nfts.push(nft)
  }
  return fromCalDescriptors({
    chainId: options.chainId,
    mode: cal.mode,
    responses,
    certificates,
    tokens,
    nfts,
    selectors: options.selectors,
    proxies,
    trustedNameCertificates,
  })
}
