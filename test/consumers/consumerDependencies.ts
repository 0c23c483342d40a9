import { readWorkspaceCatalog } from './workspaceCatalog.js'

/** What a consumer installs from the registry beside Airlock, at the workspace's catalog versions. */
const fromCatalog = ['viem', '@wagmi/core', '@trezor/connect', '@trezor/connect-web']

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

/** The registry dependencies of the consumer project, exact versions. */
export function consumerRegistryDependencies(): Record<string, string> {
  const catalog = readWorkspaceCatalog()
  const dependencies: Record<string, string> = {}
  for (const name of fromCatalog) {
    const version = catalog[name]
    if (!version) throw new Error(`${name} is not in pnpm-workspace.yaml's catalog`)
    dependencies[name] = version
  }
  return { ...dependencies, ...pinnedHere }
}
