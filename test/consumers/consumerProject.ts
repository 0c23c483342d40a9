/**
 * The consumer project: Airlock's packed tarballs and the registry packages an app would add,
 * installed with npm into a project under the OS temp dir, outside the workspace, so no parent
 * node_modules can leak in. One install serves every check. It is kept in a cache dir keyed by a
 * hash of the tarballs and the dependency list, and reused while neither changes.
 *
 * Beside it, smaller projects with only one device's packages (`ledger`, `trezor`, each with
 * `@airlock/wagmi` and `@wagmi/core`), as a Ledger-only or Trezor-only app installs them: their
 * types must hold without the other's; and the RainbowKit one (`rainbowKit`: wagmi 2, which cannot
 * share a node_modules with wagmi 3; RainbowKit and Reown AppKit, one page each), installed with a
 * plain `npm install` as a RainbowKit or AppKit user would.
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

const cacheRoot = join(tmpdir(), 'airlock-consumers')
const completeMarker = 'installed.json'
const staleAfterMs = 60 * 60 * 1000

/** Every package and app dependency (`all`), one device's packages only, or a RainbowKit app. */
export type ConsumerKind = 'all' | 'ledger' | 'trezor' | 'rainbowKit'

/** Airlock packages each kind installs (`all`: every workspace package). */
const airlockPackagesOf: Record<Exclude<ConsumerKind, 'all'>, string[]> = {
  // With the wagmi connectors: `@airlock/wagmi` peers both device packages, optionally.
  ledger: [
    '@airlock/core',
    '@airlock/ledger',
    '@airlock/emulator',
    '@airlock/provider',
    '@airlock/wagmi',
  ],
  trezor: [
    '@airlock/core',
    '@airlock/trezor',
    '@airlock/emulator',
    '@airlock/provider',
    '@airlock/wagmi',
  ],
  // What a RainbowKit app adds: no emulator (nor Node's Trezor Connect).
  rainbowKit: [
    '@airlock/core',
    '@airlock/provider',
    '@airlock/ledger',
    '@airlock/trezor',
    '@airlock/wagmi',
  ],
}

/**
 * Install scripts off, as the workspace has them (pnpm-workspace.yaml `allowBuilds`): every package
 * here has a pure-JS path, and no script may fetch anything. The RainbowKit app takes no flags: it
 * must resolve as a user's `npm i` does (npm 11 runs no install scripts it was not told to).
 */
const npmArgsOf = (kind: ConsumerKind): string[] =>
  kind === 'rainbowKit'
    ? ['install']
    : ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline']

/**
 * Packs the workspace packages and returns an installed consumer project of each kind asked for
 * (after `pnpm build`): one pack serves them all.
 */
export async function prepareConsumerProjects<kind extends ConsumerKind>(
  kinds: readonly kind[],
): Promise<Record<kind, ConsumerProject>> {
  mkdirSync(cacheRoot, { recursive: true })
  const staging = mkdtempSync(join(cacheRoot, 'pack-'))
  try {
    const packed = await packWorkspacePackages(staging)
    const projects = {} as Record<kind, ConsumerProject>
    // The RainbowKit install, the largest (wagmi 2's connectors and their SDKs), runs beside the
    // others: one lane each, on two cores.
    const lanes = [
      kinds.filter((kind) => kind === 'rainbowKit'),
      kinds.filter((kind) => kind !== 'rainbowKit'),
    ]
    await Promise.all(
      lanes.map(async (lane) => {
        for (const kind of lane) projects[kind] = await installConsumerProject(kind, packed)
      }),
    )
    return projects
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}

/** Packs the workspace packages and returns the installed consumer project of one kind. */
export async function prepareConsumerProject(kind: ConsumerKind = 'all'): Promise<ConsumerProject> {
  return (await prepareConsumerProjects([kind]))[kind]
}

async function installConsumerProject(
  kind: ConsumerKind,
  allPacked: PackedPackage[],
): Promise<ConsumerProject> {
  const packed =
    kind === 'all'
      ? allPacked
      : allPacked.filter(({ name }) => airlockPackagesOf[kind].includes(name))
  const manifest = consumerManifest(packed, kind)
  const dir = join(cacheRoot, `${kind}-${installKey(manifest, packed)}`)
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
  await runOrThrow('npm', npmArgsOf(kind), {
    cwd: partial,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  })
  const installSeconds = (performance.now() - started) / 1000
  writeFileSync(join(partial, completeMarker), JSON.stringify({ installSeconds }))
  rmSync(dir, { recursive: true, force: true })
  renameSync(partial, dir)
  pruneOtherInstalls(kind, dir)
  return { dir, reused: false, installSeconds }
}

function consumerManifest(packed: PackedPackage[], kind: ConsumerKind) {
  const tarballs = Object.fromEntries(
    packed.map(({ name, tarball }) => [name, `file:tarballs/${basename(tarball)}`]),
  )
  return {
    name: kind === 'all' ? 'airlock-consumer' : `airlock-consumer-${kind.toLowerCase()}`,
    private: true,
    dependencies: {
      ...tarballs,
      ...(kind === 'rainbowKit'
        ? rainbowKitRegistryDependencies()
        : consumerRegistryDependencies(kind)),
    },
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

/** Keeps one install of a kind: the others (and abandoned partial ones) are up to a few hundred MB each. */
function pruneOtherInstalls(kind: ConsumerKind, keep: string) {
  for (const name of readdirSync(cacheRoot)) {
    const path = join(cacheRoot, name)
    if (path === keep) continue
    // Other kinds stay; installs named by an earlier layout (a bare hash) go.
    if (/^(all|ledger|trezor|rainbowKit)-/.test(name) && !name.startsWith(`${kind}-`)) continue
    const inProgress = name.includes('.partial-') || name.startsWith('pack-')
    if (inProgress && Date.now() - modifiedAt(path) < staleAfterMs) continue
    rmSync(path, { recursive: true, force: true })
  }
}

/** When `path` last changed; now if another run removed it meanwhile. */
function modifiedAt(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return Date.now()
  }
}
