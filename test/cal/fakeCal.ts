/**
 * A local stand-in for Ledger's CAL (crypto-asset list) service and its metadata service,
 * answering the requests the Device Management Kit's context-module makes (paths, parameters and
 * response shapes of HttpCalldataDescriptorDataSource, HttpPkiCertificateDataSource,
 * HttpTokenDataSource under `/cal/v1`; HttpNftDataSource's `/v1/ethereum/{chainId}/contracts/
 * {address}` and HttpProxyDataSource's proxy endpoint at the root) for the fixture contracts, with
 * payloads signed by the TEST keys under `signatures.test` (CAL's test signatures; the NFT payload
 * with the test NFT key, proxy info with the test domain metadata key). It logs every
 * request, so tests can assert what left the process.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  issueTestCertificate,
  type LedgerModel,
  signErc20Descriptor,
  signNftInformation,
  signTestCalldataDescriptor,
  signTestProxyInfo,
  type TestDescribedFunction,
} from '@airlock/emulator'
import {
  type ClearSigningContract,
  clearSigningCollections,
  clearSigningContracts,
  clearSigningProxies,
  clearSigningTokens,
  testClearSigningKeys as keys,
} from '@airlock/fixtures/clearSigningContracts'

/** One request the fake CAL received (a POST's JSON body under `body`). */
export type CalRequest = { path: string; params: Record<string, string>; body?: unknown }

/**
 * A running fake CAL: its base URL (like `https://…/cal/v1`), the metadata service's beside it
 * (`metadataUrl`: proxy info and NFT collections, like `https://nft.api.live.ledger.com`), its
 * request log, `close()`.
 */
export type FakeCal = {
  url: string
  metadataUrl: string
  requests: CalRequest[]
  close: () => Promise<void>
}

const targets: Record<string, LedgerModel> = {
  nanoS: 'nanoS',
  nanoSP: 'nanoSP',
  nanoX: 'nanoX',
  stax: 'stax',
  flex: 'flex',
}

/** Starts the fake CAL on a free loopback port. */
export async function startFakeCal(
  contracts: readonly ClearSigningContract[] = clearSigningContracts,
): Promise<FakeCal> {
  const requests: CalRequest[] = []
  const server = http.createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const params = Object.fromEntries(url.searchParams)
    let body: unknown
    if (request.method === 'POST') {
      const chunks: Buffer[] = []
      for await (const chunk of request) chunks.push(chunk as Buffer)
      body = JSON.parse(Buffer.concat(chunks).toString() || 'null')
      requests.push({ path: url.pathname, params, body })
    } else {
      requests.push({ path: url.pathname, params })
    }
    const answered =
      request.method === 'POST'
        ? answerProxy(url.pathname, body)
        : answer(url.pathname, params, contracts)
    response.writeHead(answered === undefined ? 404 : 200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(answered ?? { error: 'not found' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/cal/v1`,
    metadataUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

function answer(
  path: string,
  params: Record<string, string>,
  contracts: readonly ClearSigningContract[],
): unknown {
  if (path === '/cal/v1/dapps' && params.output === 'descriptors_calldata') {
    const address = params.contract_address?.toLowerCase()
    const contract = contracts.find(
      (c) => c.chainId === Number(params.chain_id) && c.address.toLowerCase() === address,
    )
    if (!contract) return []
    const bySelector: Record<string, unknown> = {}
    for (const fn of contract.functions)
      bySelector[fn.selector] = withoutHexPrefixes(
        signTestCalldataDescriptor(contract, fn as TestDescribedFunction, keys.calldata),
      )
    return [{ descriptors_calldata: { [address!]: bySelector } }]
  }
  if (path === '/cal/v1/certificates') {
    const model = targets[params.target_device ?? '']
    const key = certificateKeys.find(
      (k) => k.usage === params.public_key_usage && k.id === params.public_key_id,
    )
    if (!model || !key) return []
    const certificate = issueTestCertificate({
      rootPrivateKey: keys.pkiRoot,
      privateKey: key.privateKey,
      keyUsage: key.keyUsage,
      name: key.usage,
      model,
    }).slice(2)
    const signatureAt = findSignature(certificate)
    return [
      {
        descriptor: {
          data: certificate.slice(0, signatureAt),
          signatures: { test: certificate.slice(signatureAt + 4) },
        },
      },
    ]
  }
  if (path === '/cal/v1/tokens' && params.output === 'descriptor') {
    const token = clearSigningTokens.find(
      (t) =>
        t.chainId === Number(params.chain_id) &&
        t.address.toLowerCase() === params.contract_address?.toLowerCase(),
    )
    if (!token) return []
    const payload = signErc20Descriptor(keys.erc20, token).slice(2)
    const signedLength = 2 * (token.ticker.length + 28)
    return [
      {
        descriptor: {
          data: payload.slice(2, 2 + signedLength),
          signatures: { test: payload.slice(2 + signedLength) },
        },
      },
    ]
  }
  const nft = /^\/v1\/ethereum\/(\d+)\/contracts\/(0x[0-9a-fA-F]{40})$/.exec(path)
  if (nft) {
    const collection = clearSigningCollections.find(
      (c) => c.chainId === Number(nft[1]) && c.address.toLowerCase() === nft[2]!.toLowerCase(),
    )
    if (!collection) return undefined
    return { payload: signNftInformation(keys.nft, collection).slice(2) }
  }
  return undefined
}

// CAL's hex strings carry no `0x` (context-module's tests; DMK appends the signature TLV to the
// payload as text, so a prefixed string makes an invalid payload there).
function withoutHexPrefixes(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/^0x/, '')
  if (Array.isArray(value)) return value.map(withoutHexPrefixes)
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, withoutHexPrefixes(entry)]),
    )
  return value
}

// The keys CAL certifies: the calldata key (descriptors), the domain metadata key (proxy info).
const certificateKeys = [
  { id: 'cal_calldata_key', usage: 'calldata', keyUsage: 0x0b, privateKey: keys.calldata },
  {
    id: 'domain_metadata_key',
    usage: 'trusted_name',
    keyUsage: 0x04,
    privateKey: keys.trustedName,
  },
]

/**
 * The metadata service's `POST /v2/ethereum/{chainId}/contract/proxy/delegate` (context-module
 * HttpProxyDataSource, `ProxyDelegateCallDto`): for a known proxy, its implementation and the
 * PROXY_INFO signed with the test domain metadata key, over the challenge when one is given.
 */
function answerProxy(path: string, body: unknown): unknown {
  const match = /^\/v2\/ethereum\/(\d+)\/contract\/proxy\/delegate$/.exec(path)
  const request = body as { proxy?: unknown; data?: unknown; challenge?: unknown } | null
  if (!match || typeof request?.proxy !== 'string' || typeof request.challenge !== 'string')
    return undefined
  const chainId = Number(match[1])
  const proxy = clearSigningProxies.find(
    (p) =>
      p.chainId === chainId && p.proxy.toLowerCase() === (request.proxy as string).toLowerCase(),
  )
  if (!proxy) return undefined
  const signedDescriptor = signTestProxyInfo(keys.trustedName, {
    ...proxy,
    challenge: request.challenge === '' ? undefined : Number.parseInt(request.challenge, 16),
  })
  return { addresses: [proxy.implementation], signedDescriptor: signedDescriptor.slice(2) }
}

// The certificate's signature entry (`15 || length || DER`) starts after the single-byte TLVs.
function findSignature(hex: string): number {
  let offset = 0
  while (offset < hex.length) {
    if (hex.slice(offset, offset + 2) === '15') return offset
    offset += 4 + 2 * Number.parseInt(hex.slice(offset + 2, offset + 4), 16)
  }
  throw new Error('certificate without a signature')
}
