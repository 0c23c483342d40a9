import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import type EthType from '@ledgerhq/hw-app-eth'
import { parseGwei, serializeTransaction, type TransactionSerializableEIP1559 } from 'viem'
import type * as Core from '../../packages/core/src/exports/index.js'
import type * as Emulator from '../../packages/emulator/src/exports/index.js'
import type * as Ledger from '../../packages/ledger/src/exports/index.js'

export type DiscoveryExchanges = {
  scheme: Core.PathScheme
  /** Exchanges for the first page (5 accounts) on a fresh connection. */
  firstPage: number
  /** Exchanges for the next page on the same connection. */
  nextPage: number
  /** The physical floor: one per page when the accounts share a parent, one per account when hardened. */
  floor: number
}

export type TransactionApdus = {
  name: string
  bytes: number
  apdus: number
  /** ceil((path + transaction) / 255): the fewest APDUs that carry them. */
  minimum: number
}

export type SignatureTimes = {
  iterations: number
  /** Median ms of `account.signTransaction` (serialize, queue, device, recover and check). */
  airlock: number
  /** Median ms of hw-app-eth's `new Eth(transport).signTransaction(path, raw, null)`. */
  bare: number
}

export type EndToEnd = {
  calldataBytes: number
  perFrameMs: number
  /** Median ms of `account.signTransaction`, then of the bare hw-app-eth call. */
  airlock: number
  bare: number
  /** HID frames the exchanges took (each way), so the time the link alone takes at `perFrameMs`. */
  frames: number
}

const packagesDir = new URL('../../packages/', import.meta.url)

/** Imports a workspace package's built `dist`, as an app installed from npm would. */
async function importBuilt<module>(name: string): Promise<module> {
  return import(new URL(`${name}/dist/index.js`, packagesDir).href) as Promise<module>
}

const path = "m/44'/60'/0'/0/0"
const ledgerPath = path.slice(2)
/** m/44'/60'/0'/0/0 on the wire: a depth byte and five 4-byte indices. */
const pathBytes = 1 + 4 * 5

function transaction(calldataBytes: number): TransactionSerializableEIP1559 {
  return {
    type: 'eip1559',
    chainId: 1,
    nonce: 7,
    to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
    value: 10n ** 16n,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    gas: 21_000n + 16n * BigInt(calldataBytes),
    data: calldataBytes ? `0x${'a5'.repeat(calldataBytes)}` : undefined,
  }
}

export async function loadDevicePackages() {
  const [core, emulator, ledger] = await Promise.all([
    importBuilt<typeof Core>('core'),
    importBuilt<typeof Emulator>('emulator'),
    importBuilt<typeof Ledger>('ledger'),
  ])
  // hw-app-eth's ESM build does not load in Node (extensionless imports): its CommonJS build, as
  // @airlock/ledger loads it in Node too.
  const Eth = createRequire(import.meta.url)('@ledgerhq/hw-app-eth').default as typeof EthType
  return { core, emulator, ledger, Eth }
}

type Packages = Awaited<ReturnType<typeof loadDevicePackages>>

/** Device exchanges `discoverAccounts` spends per page of 5, per scheme, on a Ledger emulator. */
export async function measureDiscovery({
  core,
  emulator: { createLedgerEmulator },
  ledger,
}: Packages): Promise<DiscoveryExchanges[]> {
  const limit = 5
  const results: DiscoveryExchanges[] = []
  for (const scheme of ['bip44', 'legacy', 'ledgerLive'] as const) {
    const emulator = createLedgerEmulator()
    const signer = ledger.createLedgerSigner({ transport: emulator.transport })
    await core.discoverAccounts(signer, { scheme, limit })
    const firstPage = emulator.exchanges.length
    emulator.clearLogs()
    await core.discoverAccounts(signer, { scheme, offset: limit, limit })
    const nextPage = emulator.exchanges.length
    results.push({ scheme, firstPage, nextPage, floor: scheme === 'ledgerLive' ? limit : 1 })
  }
  return results
}

/** APDUs one signature takes through Airlock, against the fewest that carry the transaction. */
export async function measureApdus({
  emulator: { createLedgerEmulator },
  ledger,
}: Packages): Promise<TransactionApdus[]> {
  const results: TransactionApdus[] = []
  for (const [name, calldataBytes] of [
    ['EIP-1559 transfer', 0],
    ['EIP-1559, 1 KB calldata', 1_000],
    ['EIP-1559, 10 KB calldata', 10_000],
  ] as const) {
    // Calldata without a known contract needs blind signing on the device.
    const emulator = createLedgerEmulator({ blindSigning: true })
    const account = await ledger.toLedgerAccount({ transport: emulator.transport, path })
    const tx = transaction(calldataBytes)
    await account.signTransaction(tx) // the first call also reads the app's version
    emulator.clearLogs()
    await account.signTransaction(tx)
    const bytes = (serializeTransaction(tx).length - 2) / 2
    results.push({
      name,
      bytes,
      apdus: emulator.exchanges.length,
      minimum: Math.ceil((pathBytes + bytes) / 255),
    })
  }
  return results
}

/** Median time per signature of Airlock and of the bare hw-app-eth call, on a zero-latency emulator. */
export async function measureSignatureTime(
  { emulator: { createLedgerEmulator }, ledger, Eth }: Packages,
  iterations = 200,
): Promise<SignatureTimes> {
  const emulator = createLedgerEmulator()
  const account = await ledger.toLedgerAccount({ transport: emulator.transport, path })
  const eth = new Eth(emulator.transport)
  const tx = transaction(0)
  const raw = serializeTransaction(tx).slice(2)
  const airlock = () => account.signTransaction(tx)
  const bare = () => eth.signTransaction(ledgerPath, raw, null)
  // Both warmed up, then measured in alternating rounds so that drift hits both alike.
  const times = { airlock: [] as number[], bare: [] as number[] }
  for (let round = 0; round < 5; round++)
    for (const [name, run] of [
      ['airlock', airlock],
      ['bare', bare],
    ] as const) {
      for (let i = 0; i < (round === 0 ? 20 : iterations / 4); i++) {
        emulator.clearLogs()
        const start = performance.now()
        await run()
        if (round > 0) times[name].push(performance.now() - start)
      }
    }
  return { iterations, airlock: median(times.airlock), bare: median(times.bare) }
}

/** Signs a transaction with 10 KB of calldata over an emulated USB link of `perFrameMs` per frame. */
export async function measureEndToEnd(
  { emulator: { createLedgerEmulator }, ledger, Eth }: Packages,
  { calldataBytes = 10_000, perFrameMs = 1, runs = 5 } = {},
): Promise<EndToEnd> {
  const emulator = createLedgerEmulator({ latency: { perFrame: perFrameMs }, blindSigning: true })
  const account = await ledger.toLedgerAccount({ transport: emulator.transport, path })
  const eth = new Eth(emulator.transport)
  const tx = transaction(calldataBytes)
  const raw = serializeTransaction(tx).slice(2)
  await account.signTransaction(tx)
  const time = async (run: () => Promise<unknown>) => {
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      emulator.clearLogs()
      const start = performance.now()
      await run()
      times.push(performance.now() - start)
    }
    return median(times)
  }
  const airlock = await time(() => account.signTransaction(tx))
  const frames = emulator.exchanges.reduce(
    (sum, { request, response }) =>
      sum + hidFrames(request.length / 2) + hidFrames(response.length / 2),
    0,
  )
  const bare = await time(() => eth.signTransaction(ledgerPath, raw, null))
  return { calldataBytes, perFrameMs, airlock, bare, frames }
}

/** 64-byte Ledger HID frames for a message: 57 payload bytes in the first, 59 in each next. */
function hidFrames(length: number): number {
  return length <= 57 ? 1 : 1 + Math.ceil((length - 57) / 59)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
