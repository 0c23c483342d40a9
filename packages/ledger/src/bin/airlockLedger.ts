#!/usr/bin/env node
// `airlock-ledger`: the Ledger package's command line (Node). `descriptors` writes a module of
// Ledger-signed ERC-7730 descriptors for a dApp to bundle.
import { writeFile } from 'node:fs/promises'
import { runDescriptorsCommand, usage } from './descriptorsCommand.js'

const [command, ...rest] = process.argv.slice(2)
if (command !== 'descriptors') {
  console.error(usage)
  process.exit(command ? 1 : 0)
}
try {
  const { module, out, descriptors } = await runDescriptorsCommand(rest)
  if (out) {
    await writeFile(out, module)
    console.error(
      `Wrote ${descriptors.calldata.length} descriptor(s), ${Object.keys(descriptors.certificates).length} certificate(s) to ${out}`,
    )
  } else process.stdout.write(module)
} catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
