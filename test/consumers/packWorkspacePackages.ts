import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runOrThrow } from './run.js'
import { readWorkspacePackages } from './workspacePackages.js'

const root = resolve(import.meta.dirname, '../..')

export type PackedPackage = { name: string; tarball: string }

/**
 * `pnpm pack` of every package in packages/*, as they would be published: `workspace:` and
 * `catalog:` versions rewritten, only the `files` listed. Packs the builds: run `pnpm build` first.
 */
export async function packWorkspacePackages(destination: string): Promise<PackedPackage[]> {
  const unbuilt = readWorkspacePackages().filter(({ dir }) => !existsSync(join(dir, 'dist')))
  if (unbuilt.length > 0)
    throw new Error(
      `${unbuilt.map(({ name }) => name).join(', ')}: no dist/. Run \`pnpm build\` first.`,
    )
  const { stdout } = await runOrThrow(
    'pnpm',
    ['-r', '--filter', './packages/*', 'pack', '--pack-destination', destination, '--json'],
    { cwd: root },
  )
  const packed = JSON.parse(stdout) as { name: string; filename: string }[]
  return packed.map(({ name, filename }) => ({ name, tarball: resolve(destination, filename) }))
}
