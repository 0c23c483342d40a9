/**
 * The consumer project: Airlock's packed tarballs and the registry packages an app would add,
 * installed with npm into a project under the OS temp dir, outside the workspace, so no parent
 * node_modules can leak in. One install serves every check. It is kept in a cache dir keyed by a
 * hash of the tarballs and the dependency list, and reused while neither changes.
 *
 * Two projects: the main one (every package, with wagmi 3, Next.js and Node's Trezor Connect) and
 * the RainbowKit one (wagmi 2, which cannot share a node_modules with wagmi 3), installed with a
 * plain `npm install` as a RainbowKit user would.
 */
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import {
  consumerRegistryDependencies,
  rainbowKitRegistryDependencies,
} from './consumerDependencies.js'
import { type PackedPackage, packWorkspacePackages } from './packWorkspacePackages.js'
import { runOrThrow } from './run.js'

export type ConsumerProject = {
  /** The installed project: its node_modules serves any folder inside it. */
  dir: string
  /** Whether the install of an earlier run was reused. */
  reused: boolean
  /** How long this run's install took (0 when reused). */
  installSeconds: number
}

export type ConsumerKind = 'main' | 'rainbowKit'

type ConsumerSetup = {
  cacheRoot: string
  /** The Airlock packages it installs (all when undefined). */
  packages?: readonly string[]
  registryDependencies: () => Record<string, string>
  npmArgs: readonly string[]
}

const consumers: Record<ConsumerKind, ConsumerSetup> = {
  main: {
    cacheRoot: join(tmpdir(), 'airlock-consumers'),
    registryDependencies: consumerRegistryDependencies,
    // Install scripts off, as the workspace has them (pnpm-workspace.yaml `allowBuilds`): every
    // package here has a pure-JS path, and no script may fetch anything.
    npmArgs: ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline'],
  },
  rainbowKit: {
    cacheRoot: join(tmpdir(), 'airlock-consumers-rainbowkit'),
    // What a RainbowKit app adds: no emulator (nor Node's Trezor Connect).
    packages: [
      '@airlock/core',
      '@airlock/provider',
      '@airlock/ledger',
      '@airlock/trezor',
      '@airlock/wagmi',
    ],
    registryDependencies: rainbowKitRegistryDependencies,
    // No flags: the install must resolve as a user's `npm i` does (npm 11 runs no install scripts
    // it was not told to).
    npmArgs: ['install'],
  },
}
const completeMarker = 'installed.json'
const staleAfterMs = 60 * 60 * 1000

/** Packs the workspace packages and returns an installed consumer project (after `pnpm build`). */
export async function prepareConsumerProject(
  kind: ConsumerKind = 'main',
): Promise<ConsumerProject> {
  const { cacheRoot, packages, registryDependencies, npmArgs } = consumers[kind]
  mkdirSync(cacheRoot, { recursive: true })
  const staging = mkdtempSync(join(cacheRoot, 'pack-'))
  try {
    const packed = (await packWorkspacePackages(staging)).filter(
      ({ name }) => !packages || packages.includes(name),
    )
    const manifest = consumerManifest(packed, registryDependencies())
    const dir = join(cacheRoot, installKey(manifest, packed))
    if (existsSync(join(dir, completeMarker))) return { dir, reused: true, installSeconds: 0 }

    const started = performance.now()
    // Installed beside the final dir and renamed when complete: a dir without the marker is
    // never used, and two runs at once do not share a half-done install.
    const partial = `${dir}.partial-${process.pid}`
    rmSync(partial, { recursive: true, force: true })
    mkdirSync(join(partial, 'tarballs'), { recursive: true })
    for (const { tarball } of packed)
      copyFileSync(tarball, join(partial, 'tarballs', basename(tarball)))
    writeFileSync(join(partial, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    await runOrThrow('npm', [...npmArgs], {
      cwd: partial,
      env: { ...process.env, npm_config_update_notifier: 'false' },
    })
    const installSeconds = (performance.now() - started) / 1000
    writeFileSync(join(partial, completeMarker), JSON.stringify({ installSeconds }))
    rmSync(dir, { recursive: true, force: true })
    renameSync(partial, dir)
    pruneOtherInstalls(cacheRoot, dir)
    return { dir, reused: false, installSeconds }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

function consumerManifest(packed: PackedPackage[], registry: Record<string, string>) {
  const tarballs = Object.fromEntries(
    packed.map(({ name, tarball }) => [name, `file:tarballs/${basename(tarball)}`]),
  )
  return {
    name: 'airlock-consumer',
    private: true,
    dependencies: { ...tarballs, ...registry },
    // A dependency between Airlock packages (`^0.1.0` in @airlock/wagmi) must resolve to the
    // tarball, never to the registry.
    overrides: Object.fromEntries(packed.map(({ name }) => [name, `$${name}`])),
  }
}

function installKey(manifest: object, packed: PackedPackage[]): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(manifest))
  hash.update(`node ${process.versions.node.split('.')[0]}`)
  for (const { tarball } of [...packed].sort((a, b) => a.name.localeCompare(b.name)))
    hash.update(readFileSync(tarball))
  return hash.digest('hex').slice(0, 16)
}

/** Keeps one install: the others (and abandoned partial ones) are a few hundred MB each. */
function pruneOtherInstalls(cacheRoot: string, keep: string) {
  for (const name of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, name)
    if (path === keep) continue
    const inProgress = name.includes('.partial-') || name.startsWith('pack-')
    if (inProgress && Date.now() - statSync(path).mtimeMs < staleAfterMs) continue
    rmSync(path, { recursive: true, force: true })
  }
}
