import type { Address, Hex } from 'viem'
import type { CalCalldataResponse } from '../fromCalDescriptors.js'
import { withSignature } from '../fromCalDescriptors.js'
import type {
  LedgerCertificateTarget,
  LedgerNftDescriptor,
  LedgerTokenDescriptor,
} from '../types.js'
import { CalRequestError } from './calErrors.js'

/** Ledger's CAL, as the Device Management Kit's context-module calls it (`DEFAULT_CAL_URL`). */
export const ledgerCalUrl = 'https://global.api.prd.ledger.com/cal/v1'

/** Ledger's metadata service: proxy info and NFT collections (context-module `metadataServiceDomain`). */
export const ledgerMetadataUrl = 'https://nft.api.live.ledger.com'

/** Where and how to ask CAL: its URL, which signatures to take, the `fetch` to use. */
export type CalClientOptions = {
  url?: string | undefined
  /** The metadata service, for proxy info and NFT collections (Ledger's by default; `false`: none). */
  metadataUrl?: string | false | undefined
  mode?: 'prod' | 'test' | undefined
  branch?: string | undefined
  fetch?: typeof globalThis.fetch | undefined
}

/**
 * A client of the CAL endpoints clear signing needs, with context-module's paths and parameters
 * (HttpCalldataDescriptorDataSource, HttpPkiCertificateDataSource, HttpTokenDataSource), and of the
 * metadata service's proxy and NFT endpoints (HttpProxyDataSource, HttpNftDataSource): a request
 * carries a chain id, contract addresses, a selector and the device's challenge, never an account,
 * and nothing else.
 */
export function createCalClient(options: CalClientOptions = {}) {
  const url = (options.url ?? ledgerCalUrl).replace(/\/$/, '')
  const metadataUrl =
    options.metadataUrl === false
      ? undefined
      : (options.metadataUrl ?? ledgerMetadataUrl).replace(/\/$/, '')
  const mode = options.mode ?? 'prod'
  const ref = `branch:${options.branch ?? 'main'}`
  const fetchJson = (path: string, params: Record<string, string>): Promise<unknown> =>
    getJson(`${url}/${path}?${new URLSearchParams(params)}`)
  const getJson = async (target: string): Promise<unknown> => {
    const doFetch = options.fetch ?? globalThis.fetch
    let response: Response
    try {
      response = await doFetch(target, { headers: { accept: 'application/json' } })
    } catch (cause) {
      throw new CalRequestError(target, `request failed: ${(cause as Error).message}`)
    }
    if (!response.ok) throw new CalRequestError(target, `HTTP ${response.status}`)
    return response.json()
  }
  const certificate = async (
    target: LedgerCertificateTarget,
    keyId: string,
    keyUsage: string,
  ): Promise<Hex | undefined> => {
    const data = await fetchJson('certificates', {
      output: 'descriptor',
      target_device: target,
      latest: 'true',
      public_key_id: keyId,
      public_key_usage: keyUsage,
    })
    const descriptor = (
      data as { descriptor?: { data?: unknown; signatures?: Record<string, unknown> } }[]
    )?.[0]?.descriptor
    const signature = descriptor?.signatures?.[mode]
    if (typeof descriptor?.data !== 'string' || typeof signature !== 'string') return undefined
    return withSignature(descriptor.data, signature, '15')
  }
  return {
    mode,
    /** `GET /dapps?output=descriptors_calldata&chain_id&contracts&contract_address&ref`. */
    async calldataDescriptors(chainId: number, address: Address): Promise<CalCalldataResponse> {
      const data = await fetchJson('dapps', {
        output: 'descriptors_calldata',
        chain_id: String(chainId),
        contracts: address,
        contract_address: address,
        ref,
      })
      if (!Array.isArray(data)) throw new CalRequestError(url, 'the descriptors are not an array')
      return data as CalCalldataResponse
    },
    /**
     * `GET /certificates?output=descriptor&target_device&latest=true&public_key_id=cal_calldata_key&public_key_usage=calldata`:
     * the LOAD CERTIFICATE payload (`data || 15 || length || signature`), or undefined.
     */
    calldataCertificate(target: LedgerCertificateTarget): Promise<Hex | undefined> {
      return certificate(target, 'cal_calldata_key', 'calldata')
    },
    /**
     * The TRUSTED_NAME certificate proxy info chains to (ProxyContextFieldLoader:
     * `public_key_id=domain_metadata_key&public_key_usage=trusted_name`), or undefined.
     */
    trustedNameCertificate(target: LedgerCertificateTarget): Promise<Hex | undefined> {
      return certificate(target, 'domain_metadata_key', 'trusted_name')
    },
    /**
     * `POST {metadata}/v2/ethereum/{chainId}/contract/proxy/delegate` with `{ proxy, data,
     * challenge }` (HttpProxyDataSource): the implementation behind `proxy` and its signed proxy
     * info, or undefined. `data` is the called selector only: the rest of the calldata can hold
     * the user's address. `challenge` is the device's (8 hex digits) or `""` for a payload any
     * review may use (what context-module asks first, to learn the implementation).
     */
    async proxyInfo(
      chainId: number,
      proxy: Address,
      selector: Hex,
      challenge: number | undefined,
    ): Promise<{ implementation: Address; payload: Hex } | undefined> {
      if (metadataUrl === undefined) return undefined
      const target = `${metadataUrl}/v2/ethereum/${chainId}/contract/proxy/delegate`
      const body = {
        proxy,
        data: selector,
        challenge: challenge === undefined ? '' : challenge.toString(16).padStart(8, '0'),
      }
      const doFetch = options.fetch ?? globalThis.fetch
      let response: Response
      try {
        response = await doFetch(target, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
      } catch (cause) {
        throw new CalRequestError(target, `request failed: ${(cause as Error).message}`)
      }
      if (response.status === 404) return undefined
      if (!response.ok) throw new CalRequestError(target, `HTTP ${response.status}`)
      const dto = (await response.json()) as { addresses?: unknown; signedDescriptor?: unknown }
      const implementation = Array.isArray(dto?.addresses) ? dto.addresses[0] : undefined
      if (typeof implementation !== 'string' || typeof dto.signedDescriptor !== 'string')
        return undefined
      return {
        implementation: implementation as Address,
        payload: (dto.signedDescriptor.startsWith('0x')
          ? dto.signedDescriptor
          : `0x${dto.signedDescriptor}`
        ).toLowerCase() as Hex,
      }
    },
    /** `GET /tokens?contract_address&chain_id&output=descriptor&ref`: the E0 0A payload, or undefined. */
    async token(chainId: number, address: Address): Promise<LedgerTokenDescriptor | undefined> {
      const data = await fetchJson('tokens', {
        contract_address: address,
        chain_id: String(chainId),
        output: 'descriptor',
        ref,
      })
      const descriptor = (
        data as { descriptor?: { data?: unknown; signatures?: Record<string, unknown> } }[]
      )?.[0]?.descriptor
      const signature = descriptor?.signatures?.[mode]
      if (typeof descriptor?.data !== 'string' || typeof signature !== 'string') return undefined
      const tickerLength = (descriptor.data.length / 2 - 28).toString(16).padStart(2, '0')
      return { chainId, address, payload: `0x${tickerLength}${descriptor.data}${signature}` as Hex }
    },
    /**
     * `GET {metadata}/v1/ethereum/{chainId}/contracts/{address}`: the collection's PROVIDE NFT
     * INFORMATION payload (`{ payload }`, signed with Ledger's NFT metadata key), or undefined.
     */
    async nft(chainId: number, address: Address): Promise<LedgerNftDescriptor | undefined> {
      if (metadataUrl === undefined) return undefined
      let data: unknown
      try {
        data = await getJson(`${metadataUrl}/v1/ethereum/${chainId}/contracts/${address}`)
      } catch (error) {
        // An unknown collection (context-module: "no nft metadata"): the device refuses the field.
        if (error instanceof CalRequestError) return undefined
        throw error
      }
      const payload = (data as { payload?: unknown } | null)?.payload
      if (typeof payload !== 'string' || !/^(0x)?[0-9a-fA-F]+$/.test(payload)) return undefined
      return { chainId, address, payload: `0x${payload.replace(/^0x/, '')}` as Hex }
    },
  }
}

/** A CAL client. */
export type CalClient = ReturnType<typeof createCalClient>
