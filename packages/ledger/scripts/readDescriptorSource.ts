import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Eip712FiltersV1, Eip712FiltersV2 } from '../src/descriptors/types.js'

export const descriptorsPackageName = '@ledgerhq/cryptoassets-evm-signatures'

/** What the generated modules are made of, as the installed package ships it. */
export type DescriptorSource = {
  version: string
  license: string
  /** The package's LICENSE.txt, copied next to the data. */
  licenseText: string
  /** Each chain's `erc20-signatures.json`, a base64 string, by ascending chain id. */
  erc20Signatures: { chainId: number; base64: string }[]
  /** `eip712.json` and `eip712_v2.json`, keyed `<chainId>:<verifyingContract>:<schemaHash>`. */
  eip712V1: Record<string, Eip712FiltersV1>
  eip712V2: Record<string, Eip712FiltersV2>
}

/** Reads the installed `@ledgerhq/cryptoassets-evm-signatures` (a devDependency of this package). */
export function readDescriptorSource(): DescriptorSource {
  const require = createRequire(import.meta.url)
  const root = dirname(require.resolve(`${descriptorsPackageName}/package.json`))
  const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'))
  const { version, license } = readJson('package.json')
  const chainIds = readdirSync(join(root, 'lib/data/evm'))
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => existsSync(join(root, 'lib/data/evm', name, 'erc20-signatures.json')))
    .map(Number)
    .sort((a, b) => a - b)
  return {
    version,
    license,
    licenseText: readFileSync(join(root, 'LICENSE.txt'), 'utf8'),
    erc20Signatures: chainIds.map((chainId) => ({
      chainId,
      base64: readJson(`lib/data/evm/${chainId}/erc20-signatures.json`),
    })),
    eip712V1: readJson('lib/data/eip712.json'),
    eip712V2: readJson('lib/data/eip712_v2.json'),
  }
}
