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

/** Ledger's NFT metadata service (context-module `DEFAULT_METADATA_SERVICE_DOMAIN`). */
export const ledgerMetadataUrl = 'https://nft.api.live.ledger.com'

/** Where and how to ask CAL: its URL, which signatures to take, the `fetch` to use. */
export type CalClientOptions = {
  url?: string | undefined
  /** The NFT metadata service, asked for the collections of NFT fields. */
  metadataUrl?: string | undefined
  mode?: 'prod' | 'test' | undefined
  branch?: string | undefined
  fetch?: typeof globalThis.fetch | undefined
}

/**
 * A client of the three CAL endpoints clear signing needs and of the NFT metadata service, with
 * context-module's paths and parameters (HttpCalldataDescriptorDataSource,
 * HttpPkiCertificateDataSource, HttpTokenDataSource, HttpNftDataSource): a request carries a chain
 * id and contract addresses, never an account, and nothing else.
 */
export function createCalClient(options: CalClientOptions = {}) {
  const url = (options.url ?? ledgerCalUrl).replace(/\/$/, '')
  const metadataUrl = (options.metadataUrl ?? ledgerMetadataUrl).replace(/\/$/, '')
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
    async calldataCertificate(target: LedgerCertificateTarget): Promise<Hex | undefined> {
      const data = await fetchJson('certificates', {
        output: 'descriptor',
        target_device: target,
        latest: 'true',
        public_key_id: 'cal_calldata_key',
        public_key_usage: 'calldata',
      })
      const descriptor = (
        data as { descriptor?: { data?: unknown; signatures?: Record<string, unknown> } }[]
      )?.[0]?.descriptor
      const signature = descriptor?.signatures?.[mode]
      if (typeof descriptor?.data !== 'string' || typeof signature !== 'string') return undefined
      return withSignature(descriptor.data, signature, '15')
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
