import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const packagesDir = resolve(import.meta.dirname, '../../packages')

export type WorkspacePackage = { name: string; dir: string; exports: Record<string, unknown> }

/** The published packages (packages/*), by their package.json. */
export function readWorkspacePackages(): WorkspacePackage[] {
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const dir = join(packagesDir, entry.name)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      return { name: manifest.name as string, dir, exports: manifest.exports ?? {} }
    })
}

/** Every public entry a consumer can import, e.g. `@airlock/core/utils` (not `./package.json`). */
export function publicEntries(packages = readWorkspacePackages()): string[] {
  return packages.flatMap(({ name, exports }) =>
    Object.keys(exports)
      .filter((subpath) => subpath !== './package.json')
      .map((subpath) => (subpath === '.' ? name : `${name}/${subpath.slice(2)}`)),
  )
}
