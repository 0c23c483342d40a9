import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Metafile, type Plugin } from 'esbuild'

/**
 * What a browser downloads at one point: minified bytes, and gzip (level 9) per chunk, summed.
 * `airlockGzip` is the part in chunks that are mostly Airlock's own code, not a vendor SDK's.
 */
export type BundleSize = { gzip: number; minified: number; chunks: number; airlockGzip: number }

export type BundleSizes = {
  /** The API a dApp calls before a device is picked, from all four packages: the main chunk. */
  eager: BundleSize
  /** Every export of the four packages (upper bound; for reference, not budgeted). */
  eagerEveryExport: BundleSize
  /**
   * What that dApp adds once the user picks a Ledger (wagmi, WebUSB), through the first transaction
   * or message signature.
   */
  ledgerOnConnect: BundleSize
  /**
   * What a clear-signed USDC transfer on Ethereum adds to that: chain 1's index of Ledger's signed
   * token descriptors and the descriptors of the tokens that share USDC's first address digit.
   */
  ledgerClearErc20: BundleSize
  /**
   * What a clear-signed Permit2 `PermitSingle` of USDC on Ethereum adds instead: the lookup of
   * Ledger's EIP-712 filters with its index of chains, chain 1's index of messages, the message's
   * filters, and USDC's token descriptors (as above) for its amount.
   */
  ledgerClearPermit2: BundleSize
  /**
   * What a call with a bundled ERC-7730 descriptor adds instead: the generic parser's commands
   * (the descriptors themselves are the dApp's own module).
   */
  ledgerClearCalldata: BundleSize
  /** What `clearSigning: true` adds instead: all of hw-app-eth, with Ledger's metadata services. */
  ledgerClearSigning: BundleSize
  /** What `transport: 'web-ble'` adds to a Ledger connect: the opener and hw-transport-web-ble. */
  ledgerWebBle: BundleSize
  /** What `fromDeviceManagementKit` adds to a Ledger connect (the app brings DMK itself). */
  ledgerDmk: BundleSize
  /** What that dApp adds once the user picks a Trezor (wagmi), through the first signature. */
  trezorOnConnect: BundleSize
  /** hw-app-eth + hw-transport-webusb + the `buffer` shim imported directly, one bundle. */
  bareLedger: BundleSize
  /** `@trezor/connect-web` imported directly, one bundle. */
  bareTrezor: BundleSize
  /** What the eager chunks hold, by package, in minified bytes, largest first. */
  eagerContents: { name: string; bytes: number }[]
}

const root = fileURLToPath(new URL('../../', import.meta.url))
const here = fileURLToPath(new URL('./', import.meta.url))

/** The public API of each package a dApp uses before the user picks a device (see the README). */
const dappApi = {
  core: [
    'toHardwareAccount',
    'discoverAccounts',
    'parsePath',
    'formatPath',
    'ledgerLive',
    'bip44',
    'legacy',
    'BaseError',
    'UserRejectedOnDeviceError',
    'DeviceLockedError',
    'AppNotOpenError',
    'BlindSigningDisabledError',
    'BlindSigningRefusedError',
    'DeviceDisconnectedError',
    'DeviceBusyError',
    'DeviceTimeoutError',
    'UnsupportedByDeviceError',
    'OperationAbortedError',
    'UnknownDeviceError',
    'SignatureMismatchError',
    'DeviceAddressMismatchError',
    'ChainIdMismatchError',
    'InvalidPathError',
    'InvalidRequestError',
  ],
  ledger: [
    'toLedgerAccount',
    'createLedgerSigner',
    'LedgerTransportUnavailableError',
    'Eip7702NotAllowedError',
  ],
  trezor: [
    'toTrezorAccount',
    'createTrezorSigner',
    'TrezorInitError',
    'TrezorPermissionError',
    'InvalidManifestError',
    'ForbiddenKeyPathError',
  ],
  wagmi: ['ledger', 'trezor'],
}

const entries = {
  eager: Object.entries(dappApi)
    .map(
      ([name, api]) =>
        `export { ${api.map((e) => `${e} as ${name}_${e}`)} } from '@airlock/${name}'`,
    )
    .join('\n'),
  eagerEveryExport: Object.keys(dappApi)
    .map((name) => `export * as ${name} from '@airlock/${name}'`)
    .join('\n'),
  bareLedger: `
import { Buffer } from 'buffer'
globalThis.Buffer ??= Buffer
export { default as Eth } from '@ledgerhq/hw-app-eth'
export { default as TransportWebUSB } from '@ledgerhq/hw-transport-webusb'
`,
  bareTrezor: `export { default as TrezorConnect } from '@trezor/connect-web'`,
}

// The dynamic imports a Ledger or Trezor user goes on to load, through the first signature: the
// wagmi connector's provider, the device package and its driver, the core's account code, and the
// vendor SDK (for Ledger with WebUSB, the default transport). `@noble/*` and `@scure/*` (signature
// checks, account discovery) are not followed: they are viem's own dependencies, at the versions
// viem pins, so the app already ships them.
const connectPaths = {
  ledger:
    /(packages\/(core|wagmi|ledger|provider)\/|node_modules\/(@ledgerhq\/(hw-transport|hw-transport-webusb)|buffer)\/)/,
  trezor: /(packages\/(core|wagmi|trezor|provider)\/|node_modules\/@trezor\/connect-web\/)/,
}
// Account discovery, which a connect does not use, and `blindSigning: 'refuse'`, which loads only
// for a signer that refuses (core's policy chunk).
const discovery = /packages\/core\/dist\/(readAccountPage|policy)-/
// What the Ledger driver loads later: the bundled descriptors (a chain's index of tokens, then the
// tokens of one address prefix; the EIP-712 filters' index of chains, a chain's index of messages,
// then one message's filters), all of hw-app-eth for `clearSigning: true`.
const ledgerTokens = /packages\/ledger\/dist\/tokens\d+(_[0-9a-f])?-/
// USDC on Ethereum: chain 1's index and the tokens whose address starts with 0xa (0xA0b86991…).
const ledgerMainnetUsdc = /packages\/ledger\/dist\/tokens1(_a)?-/
// (rolldown may name the chunk after its entry module: findTypedDataFilters, openWebBleTransport)
const ledgerEip712Filters = /packages\/ledger\/dist\/(ledgerEip712Filters|findTypedDataFilters)-/
const ledgerMessageFilters = /packages\/ledger\/dist\/(messages\d+|\d+-[0-9a-f]{6}-[0-9a-f]{6})-/
// Permit2's `PermitSingle` on Ethereum: chain 1's index of messages, then its filters (chain 1,
// contract 0x000000…, schema hash 4d5931…).
const ledgerPermit2Filters = /packages\/ledger\/dist\/(messages1|1-000000-4d5931)-/
const ledgerEthApp = /packages\/ledger\/dist\/ledgerEthApp-/
// ERC-7730 clear signing: the generic parser's commands, and (fetched mode only) the CAL client.
const ledgerGenericParser =
  /packages\/ledger\/dist\/(ledgerGenericParser|signWithCalldataDescriptor|certificateTarget)-/
const ledgerCal = /packages\/ledger\/dist\/(ledgerCal|createDescriptorSource)-/
// Only for `transport: 'web-ble'` and for a DMK session: never on the WebUSB path above.
const ledgerWebBle =
  /packages\/ledger\/dist\/(ledgerWebBle(Sdk)?|openWebBleTransport|ledgerBluetoothErrors)-/
const ledgerDmk = /packages\/ledger\/dist\/(ledgerDmk|openDmkTransport)-/

/** Bundles each entry with esbuild as a browser dApp would (its peers external) and sizes the chunks. */
export async function measureBundles(): Promise<BundleSizes> {
  const [eager, eagerWithDmk, eagerEveryExport, bareLedger, bareTrezor] = await Promise.all([
    bundle(entries.eager, { splitting: true }),
    // An app that also imports `fromDeviceManagementKit` (its own entry, `@airlock/ledger/dmk`).
    bundle(`${entries.eager}\nexport { fromDeviceManagementKit } from '@airlock/ledger/dmk'`, {
      splitting: true,
    }),
    bundle(entries.eagerEveryExport, { splitting: true }),
    bundle(entries.bareLedger, { splitting: false }),
    bundle(entries.bareTrezor, { splitting: false }),
  ])
  // These chunks are told apart by file name: a renamed chunk would silently be counted in (or out).
  const inputs = Object.keys(eager.metafile.inputs)
  for (const chunk of [
    discovery,
    ledgerMainnetUsdc,
    ledgerEip712Filters,
    ledgerPermit2Filters,
    ledgerEthApp,
    ledgerGenericParser,
    ledgerWebBle,
  ])
    if (!inputs.some((file) => chunk.test(file)))
      throw new Error(`No built chunk matches ${chunk}: update test/bench/measureBundles.ts`)
  const eagerFiles = loadedOnStart(eager)
  const onLedgerPath = (file: string) =>
    connectPaths.ledger.test(file) &&
    !discovery.test(file) &&
    ![
      ledgerTokens,
      ledgerEip712Filters,
      ledgerMessageFilters,
      ledgerEthApp,
      ledgerGenericParser,
      ledgerCal,
      ledgerWebBle,
      ledgerDmk,
    ].some((chunk) => chunk.test(file))
  const ledgerOnConnect = loadedOnConnect(eager, onLedgerPath)
  const ledgerThen = (...later: RegExp[]) => ledgerThenIn(eager, ...later)
  function ledgerThenIn(from: Bundle, ...later: RegExp[]) {
    const files = loadedOnConnect(
      from,
      (file) => onLedgerPath(file) || later.some((chunk) => chunk.test(file)),
    )
    for (const file of loadedOnConnect(from, onLedgerPath)) files.delete(file)
    return files
  }
  if (!Object.keys(eagerWithDmk.metafile.inputs).some((file) => ledgerDmk.test(file)))
    throw new Error(`No built chunk matches ${ledgerDmk}: update test/bench/measureBundles.ts`)
  return {
    eager: size(eager, eagerFiles),
    eagerEveryExport: size(eagerEveryExport, loadedOnStart(eagerEveryExport)),
    ledgerOnConnect: size(eager, ledgerOnConnect),
    ledgerClearErc20: size(eager, ledgerThen(ledgerMainnetUsdc)),
    ledgerClearPermit2: size(
      eager,
      ledgerThen(ledgerEip712Filters, ledgerPermit2Filters, ledgerMainnetUsdc),
    ),
    ledgerClearCalldata: size(eager, ledgerThen(ledgerGenericParser)),
    ledgerClearSigning: size(eager, ledgerThen(ledgerEthApp)),
    ledgerWebBle: size(eager, ledgerThen(ledgerWebBle)),
    ledgerDmk: size(eagerWithDmk, ledgerThenIn(eagerWithDmk, ledgerDmk)),
    trezorOnConnect: size(
      eager,
      loadedOnConnect(eager, (file) => connectPaths.trezor.test(file) && !discovery.test(file)),
    ),
    bareLedger: size(bareLedger, new Set(bareLedger.contents.keys())),
    bareTrezor: size(bareTrezor, new Set(bareTrezor.contents.keys())),
    eagerContents: contentsByPackage(eager, eagerFiles),
  }
}

/**
 * The dApp's own dependencies, which Airlock declares as peers: viem, and for the wagmi connectors
 * `@wagmi/core` (with its `@tanstack/query-core`). The app ships them whether or not it uses Airlock.
 */
const peerDependencies = ['viem', 'viem/*', '@wagmi/core', '@wagmi/core/*', '@tanstack/query-core']

type Bundle = { metafile: Metafile; contents: Map<string, Uint8Array>; main: string }

async function bundle(contents: string, { splitting }: { splitting: boolean }): Promise<Bundle> {
  const result = await build({
    entryPoints: { main: 'entry:main' },
    plugins: [virtualEntry(contents), builtPackages],
    absWorkingDir: root,
    outdir: 'bench-output', // never written (`write: false`)
    write: false,
    metafile: true,
    bundle: true,
    splitting,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    external: peerDependencies,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  })
  const files = new Map(result.outputFiles.map((file) => [file.path, file.contents]))
  const names = Object.keys(result.metafile.outputs).filter((name) => name.endsWith('.js'))
  const main = names.find(
    (name) => result.metafile.outputs[name]!.entryPoint === 'entry:entry:main',
  )
  if (!main) throw new Error('esbuild produced no main chunk')
  return {
    metafile: result.metafile,
    contents: new Map(names.map((name) => [name, files.get(resolve(root, name))!])),
    main,
  }
}

function virtualEntry(contents: string): Plugin {
  return {
    name: 'virtual-entry',
    setup(build) {
      build.onResolve({ filter: /^entry:/ }, ({ path }) => ({ path, namespace: 'entry' }))
      build.onLoad({ filter: /.*/, namespace: 'entry' }, () => ({
        contents,
        loader: 'js',
        resolveDir: here,
      }))
    },
  }
}

// The dApp's imports of Airlock resolve to each package's built `dist`, as installed from npm.
const builtPackages: Plugin = {
  name: 'built-packages',
  setup(build) {
    build.onResolve({ filter: /^@airlock\/[a-z]+$/ }, ({ path }) => ({
      path: `${root}packages/${path.slice('@airlock/'.length)}/dist/index.js`,
    }))
  },
}

/** The main chunk and the chunks it imports statically. */
function loadedOnStart(bundle: Bundle): Set<string> {
  return closure(bundle, [bundle.main], () => false)
}

/** The chunks a connect adds: dynamic imports whose entry `follows`, transitively, minus the start. */
function loadedOnConnect(bundle: Bundle, follows: (entryPoint: string) => boolean): Set<string> {
  const start = loadedOnStart(bundle)
  const onPath = (file: string) => follows(bundle.metafile.outputs[file]?.entryPoint ?? '')
  const files = closure(bundle, [...start], onPath)
  for (const file of start) files.delete(file)
  return files
}

function closure(
  { metafile }: Bundle,
  starts: string[],
  followDynamic: (file: string) => boolean,
): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    for (const { path, kind, external } of metafile.outputs[file]!.imports) {
      if (external) continue
      if (kind === 'import-statement' || (kind === 'dynamic-import' && followDynamic(path)))
        visit(path)
    }
  }
  for (const start of starts) visit(start)
  return seen
}

function size({ contents, metafile }: Bundle, files: Set<string>): BundleSize {
  let gzip = 0
  let minified = 0
  let airlockGzip = 0
  for (const file of files) {
    const bytes = contents.get(file)!
    const compressed = gzipSync(bytes, { level: 9 }).length
    minified += bytes.length
    gzip += compressed
    if (isAirlockChunk(metafile.outputs[file]!)) airlockGzip += compressed
  }
  return { gzip, minified, chunks: files.size, airlockGzip }
}

function isAirlockChunk({ inputs }: Metafile['outputs'][string]): boolean {
  let ours = 0
  let theirs = 0
  for (const [input, { bytesInOutput }] of Object.entries(inputs))
    if (packageOf(input).startsWith('@airlock/')) ours += bytesInOutput
    else theirs += bytesInOutput
  return ours > theirs
}

function contentsByPackage({ metafile }: Bundle, files: Set<string>) {
  const totals = new Map<string, number>()
  for (const file of files)
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file]!.inputs)) {
      const name = packageOf(input)
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput)
    }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
}

function packageOf(input: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(input)
  if (dependency) return dependency[1]!
  const workspace = /packages\/([^/]+)\//.exec(input)
  return workspace ? `@airlock/${workspace[1]}` : input
}
