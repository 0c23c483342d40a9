import { parseArgs } from 'node:util'
import { type Address, type Hex, isAddress, isHex } from 'viem'
import { fetchLedgerDescriptors } from '../clearSigning/cal/fetchLedgerDescriptors.js'
import type { LedgerDescriptors } from '../clearSigning/types.js'

/** A command-line mistake: what was wrong and the usage. */
export class DescriptorsUsageError extends Error {
  override name = 'DescriptorsUsageError'
  constructor(details: string) {
    super(`${details}\n\n${usage}`)
  }
}

export const usage = `Usage: airlock-ledger descriptors --chain <id> --contract <0x…> [--contract …]
         [--selector <0x12345678> …] [--token <0x…> …] [--nft <0x…> …] [--out <file.ts|file.js>]
         [--cal-url <url>] [--metadata-url <url>] [--test-signatures]

Fetches from Ledger's CAL the signed ERC-7730 descriptors of your contracts, the CALLDATA
certificate of every Ledger model and the ERC-20 descriptors of --token, the NFT collection
information of --nft from Ledger's NFT metadata service, and writes a module to
pass to toLedgerAccount/createLedgerSigner/ledger() as \`descriptors\`. Production signatures
unless --test-signatures (CAL's test keys: only test devices and emulators accept those).
A --contract CAL has no descriptor for is asked of Ledger's metadata service (--metadata-url) as a
proxy: its signed proxy info, its implementation's descriptors and the proxy certificates go in.`

/** What `airlock-ledger descriptors` was asked for. */
export type DescriptorsArguments = {
  chainId: number
  contracts: Address[]
  selectors: Hex[]
  tokens: Address[]
  nfts: Address[]
  out: string | undefined
  calUrl: string | undefined
  metadataUrl: string | undefined
  mode: 'prod' | 'test'
}

/** Parses `descriptors …` arguments; throws DescriptorsUsageError. */
export function parseDescriptorsArguments(argv: readonly string[]): DescriptorsArguments {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    throw new DescriptorsUsageError((error as Error).message)
  }
  const { values } = parsed
  const chainId = Number(values.chain)
  if (!Number.isSafeInteger(chainId) || chainId <= 0)
    throw new DescriptorsUsageError('--chain must be a chain id')
  const contracts = values.contract ?? []
  if (contracts.length === 0 || !contracts.every((c) => isAddress(c)))
    throw new DescriptorsUsageError('--contract must be one or more addresses')
  const selectors = values.selector ?? []
  if (!selectors.every((s) => isHex(s) && s.length === 10))
    throw new DescriptorsUsageError('--selector must be 4-byte selectors (0x12345678)')
  const tokens = values.token ?? []
  if (!tokens.every((t) => isAddress(t)))
    throw new DescriptorsUsageError('--token must be addresses')
  const nfts = values.nft ?? []
  if (!nfts.every((t) => isAddress(t))) throw new DescriptorsUsageError('--nft must be addresses')
  return {
    chainId,
    contracts: contracts as Address[],
    selectors: selectors as Hex[],
    tokens: tokens as Address[],
    nfts: nfts as Address[],
    out: values.out,
    calUrl: values['cal-url'],
    metadataUrl: values['metadata-url'],
    mode: values['test-signatures'] ? 'test' : 'prod',
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      chain: { type: 'string' },
      contract: { type: 'string', multiple: true },
      selector: { type: 'string', multiple: true },
      token: { type: 'string', multiple: true },
      nft: { type: 'string', multiple: true },
      out: { type: 'string' },
      'cal-url': { type: 'string' },
      'metadata-url': { type: 'string' },
      'test-signatures': { type: 'boolean' },
    },
    strict: true,
  })
}

/** The module the command writes: TypeScript when `file` ends in .ts, JavaScript otherwise. */
export function descriptorsModule(
  descriptors: LedgerDescriptors,
  source: { url: string; date: Date; file?: string | undefined },
): string {
  const json = JSON.stringify(descriptors, null, 2)
  const header = [
    `// Written by \`airlock-ledger descriptors\` from ${source.url} on ${source.date.toISOString().slice(0, 10)}.`,
    `// ${descriptors.signatures === 'prod' ? "Ledger's production" : "CAL's TEST"} signatures: the device verifies each one.`,
    '// Regenerate when your contracts change or Ledger renews its certificates (see the README).',
  ]
  if (source.file?.endsWith('.ts'))
    return `${header.join('\n')}\nimport type { LedgerDescriptors } from '@airlock/ledger'\n\nexport const descriptors: LedgerDescriptors = ${json}\n`
  return `${header.join('\n')}\n/** @type {import('@airlock/ledger').LedgerDescriptors} */\nexport const descriptors = ${json}\n`
}

/** Runs `descriptors …`: fetches and returns the module text (the caller writes it). */
export async function runDescriptorsCommand(
  argv: readonly string[],
  options: { fetch?: typeof globalThis.fetch; now?: Date } = {},
): Promise<{ module: string; out: string | undefined; descriptors: LedgerDescriptors }> {
  const args = parseDescriptorsArguments(argv)
  const descriptors = await fetchLedgerDescriptors({
    chainId: args.chainId,
    contracts: args.contracts,
    selectors: args.selectors.length ? args.selectors : undefined,
    tokens: args.tokens,
    nfts: args.nfts,
    url: args.calUrl,
    // Another CAL without a metadata service named: no request to Ledger's for proxies.
    metadataUrl: args.metadataUrl ?? (args.calUrl ? false : undefined),
    mode: args.mode,
    fetch: options.fetch,
  })
  if (descriptors.calldata.length === 0)
    throw new DescriptorsUsageError(
      `CAL has no ${args.mode} descriptors for ${args.contracts.join(', ')} on chain ${args.chainId}`,
    )
  const module = descriptorsModule(descriptors, {
    url: args.calUrl ?? 'Ledger CAL',
    date: options.now ?? new Date(),
    file: args.out,
  })
  return { module, out: args.out, descriptors }
}
