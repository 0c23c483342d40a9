/**
 * Regenerates src/descriptors/data/ from the installed @ledgerhq/cryptoassets-evm-signatures:
 * `pnpm --filter @airlock/ledger descriptors:update`. Writes nothing when any ERC-20 descriptor
 * or EIP-712 filter fails to verify against Ledger's production key.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateDescriptorModules } from './generateDescriptorModules.js'
import { readDescriptorSource } from './readDescriptorSource.js'
import { findFilterSignatureProblems } from './verifyFilterSignatures.js'
import { findTokenSignatureProblems } from './verifyTokenSignatures.js'

const dataDirectory = fileURLToPath(new URL('../src/descriptors/data/', import.meta.url))
const source = readDescriptorSource()

const problems = [
  ...findTokenSignatureProblems(source.erc20Signatures),
  ...Object.entries(source.eip712V1).flatMap(([key, filters]) =>
    findFilterSignatureProblems(key, filters, 'v1'),
  ),
  ...Object.entries(source.eip712V2).flatMap(([key, filters]) =>
    findFilterSignatureProblems(key, filters, 'v2'),
  ),
]
if (problems.length > 0) {
  console.error(`Refusing to write: ${problems.length} descriptors or filters fail verification`)
  for (const problem of problems) console.error(`  ${problem}`)
  process.exit(1)
}

const files = generateDescriptorModules(source)
rmSync(join(dataDirectory, 'erc20'), { recursive: true, force: true })
rmSync(join(dataDirectory, 'eip712'), { recursive: true, force: true })
for (const [path, text] of files) {
  mkdirSync(dirname(join(dataDirectory, path)), { recursive: true })
  writeFileSync(join(dataDirectory, path), text)
}
console.log(`Wrote ${files.size} files from ${source.version} to ${dataDirectory}`)
