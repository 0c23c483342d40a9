import { readWorkspaceCatalog } from './workspaceCatalog.js'

/** What a consumer installs from the registry beside Airlock, at the workspace's catalog versions. */
const fromCatalog = ['viem', '@wagmi/core', '@trezor/connect', '@trezor/connect-web']

/**
 * What the type checks add (types.test.ts), and a one-device app installs beside its device's
 * packages: a Node script's, and a wagmi app's (`@wagmi/core`).
 */
const typeChecking = ['typescript', '@types/node']
const oneDeviceApp: Record<'ledger' | 'trezor', string[]> = {
  ledger: ['viem', '@wagmi/core'],
  trezor: ['viem', '@trezor/connect', '@wagmi/core'],
}

/**
 * Not in the catalog (the workspace has no React app). wagmi 3.7.7 is the release built on the
 * catalog's @wagmi/core 3.6.5; next 16.4.6 is the newest 16.x and runs on Node >= 20.9.
 */
const pinnedHere: Record<string, string> = {
  wagmi: '3.7.7',
  '@tanstack/react-query': '5.108.4',
  next: '16.4.6',
  react: '19.3.1',
  'react-dom': '19.3.1',
}

/**
 * The registry dependencies of a consumer project, exact versions: every app dependency (`all`),
 * or what a Ledger-only or Trezor-only app (a Node script, a wagmi app) adds.
 */
export function consumerRegistryDependencies(
  kind: 'all' | 'ledger' | 'trezor' = 'all',
): Record<string, string> {
  const catalog = readWorkspaceCatalog()
  const dependencies: Record<string, string> = {}
  const names = [...(kind === 'all' ? fromCatalog : oneDeviceApp[kind]), ...typeChecking]
  for (const name of names) {
    const version = catalog[name]
    if (!version) throw new Error(`${name} is not in pnpm-workspace.yaml's catalog`)
    dependencies[name] = version
  }
  return kind === 'all' ? { ...dependencies, ...pinnedHere } : dependencies
}

/**
 * The RainbowKit app's registry dependencies: RainbowKit 2.2.11 needs wagmi 2, so this app is on
 * wagmi 2.19.5 and the @wagmi/core 2.22.1 it pins (Airlock peers `@wagmi/core` ^2.16 || ^3). Its
 * second page is on Reown AppKit 1.8.24, whose wagmi adapter peers wagmi >= 2.19.5 and
 * @wagmi/core >= 2.21.2: one install serves both pickers. The adapter's optional
 * `@wagmi/connectors` (>= 5.9.9) would otherwise resolve to the newest, 8.x (wagmi 3's, nested
 * under the adapter), whose `@wagmi/core/tempo` import @wagmi/core 2 lacks, and `vite build` fails:
 * the app pins the 6.2.0 that wagmi 2.19.5 uses.
 */
const rainbowKitPinned: Record<string, string> = {
  '@rainbow-me/rainbowkit': '2.2.11',
  '@reown/appkit': '1.8.24',
  '@reown/appkit-adapter-wagmi': '1.8.24',
  '@wagmi/connectors': '6.2.0',
  wagmi: '2.19.5',
  '@wagmi/core': '2.22.1',
  '@tanstack/react-query': '5.108.4',
  react: '19.3.1',
  'react-dom': '19.3.1',
}

/** The RainbowKit app's registry dependencies, exact versions; Vite and viem from the catalog. */
export function rainbowKitRegistryDependencies(): Record<string, string> {
  const catalog = readWorkspaceCatalog()
  const dependencies: Record<string, string> = {}
  for (const name of ['viem', 'vite', '@trezor/connect-web']) {
    const version = catalog[name]
    if (!version) throw new Error(`${name} is not in pnpm-workspace.yaml's catalog`)
    dependencies[name] = version
  }
  return { ...dependencies, ...rainbowKitPinned }
}
