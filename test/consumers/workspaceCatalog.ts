import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const workspaceFile = resolve(import.meta.dirname, '../../pnpm-workspace.yaml')

/** The `catalog:` versions of pnpm-workspace.yaml, by package name. */
export function readWorkspaceCatalog(): Record<string, string> {
  const [, afterHeader = ''] = readFileSync(workspaceFile, 'utf8').split(/^catalog:\r?\n/m)
  const catalog: Record<string, string> = {}
  for (const line of afterHeader.split(/\r?\n/)) {
    const entry = line.match(/^\s+'?([^':\s]+)'?:\s*'?([^'\s#]+)'?/)
    if (!entry) break
    catalog[entry[1]!] = entry[2]!
  }
  return catalog
}
