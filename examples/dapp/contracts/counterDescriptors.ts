/**
 * `pnpm descriptors:update`: the Counter's ERC-7730 descriptors as a dApp bundles them, written by
 * the real `airlock-ledger descriptors` (its source, packages/ledger/src/bin) from the tests' fake
 * CAL (test/cal/fakeCal.ts) with `--test-signatures`, into the committed
 * `src/counterDescriptors.generated.ts`. TEST signatures: only an emulator given the test PKI root
 * accepts them; a real Ledger refuses them and the call goes blind. A test regenerates and compares
 * (test/cal/dappCounterDescriptors.test.ts), so the module cannot drift from the fixtures.
 */
import { execFile, execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { startFakeCal } from '../../../test/cal/fakeCal.js'
import { counterAddress } from '../src/tokens.js'

const root = resolve(import.meta.dirname, '../../..')

/** The committed module the page imports when it signs a Counter call. */
export const counterDescriptorsFile = resolve(
  import.meta.dirname,
  '../src/counterDescriptors.generated.ts',
)

/** Runs `airlock-ledger descriptors` for the Counter (chain 1) against a fresh fake CAL, writing `out`. */
export async function writeCounterDescriptors(out: string): Promise<void> {
  const cal = await startFakeCal()
  try {
    await promisify(execFile)(
      resolve(import.meta.dirname, '../node_modules/.bin/tsx'),
      [
        resolve(root, 'packages/ledger/src/bin/airlockLedger.ts'),
        'descriptors',
        '--chain',
        '1',
        '--contract',
        counterAddress,
        '--cal-url',
        cal.url,
        '--test-signatures',
        '--out',
        out,
      ],
      { cwd: root },
    )
  } finally {
    await cal.close()
  }
}

if (process.argv[1] === import.meta.filename) {
  await writeCounterDescriptors(counterDescriptorsFile)
  execFileSync(resolve(root, 'node_modules/.bin/biome'), [
    'format',
    '--write',
    counterDescriptorsFile,
  ])
  console.log(`Wrote ${counterDescriptorsFile} (TEST signatures, from the fake CAL)`)
}
