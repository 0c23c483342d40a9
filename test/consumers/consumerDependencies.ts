import { readWorkspaceCatalog } from './workspaceCatalog.js'

/** What a consumer installs from the registry beside Airlock, at the workspace's catalog versions. */
const fromCatalog = ['viem', '@wagmi/core', '@trezor/connect', '@trezor/connect-web']

/** What the type checks add (types.test.ts), and a one-device app installs beside its device's packages. */
const typeChecking = ['typescript', '@types/node']
const oneDeviceApp: Record<'ledger' | 'trezor', string[]> = {
  ledger: ['viem'],
  trezor: ['viem', '@trezor/connect'],
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
 * or what a Ledger-only or Trezor-only Node app adds.
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
