import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const root = fileURLToPath(new URL('.', import.meta.url))

// The example as a user runs it: `hardhat run` in a child process (this Node 22), on the built
// packages (`pnpm build` first).
test('deploys and calls Counter from the emulated Ledger and the emulated Trezor, with hardhat-viem and Ignition', async () => {
  expect(existsSync(new URL('../../packages/hardhat/dist/index.js', import.meta.url))).toBe(true)
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['node_modules/hardhat/dist/src/cli.js', 'run', 'scripts/deployAndCall.ts'],
    { cwd: root, env: { ...process.env, FORCE_COLOR: '0' } },
  )
  for (const device of ['ledger', 'trezor'])
    expect(stdout).toMatch(
      new RegExp(
        `^${device}: 0x[0-9a-fA-F]{40} \\(m/44'/60'/0'/0/0\\) deployed Counter at 0x[0-9a-f]{40} and called it, then with Ignition at 0x[0-9a-fA-F]{40};`,
        'm',
      ),
    )
  // Each signature was asked of the device: a deployment and a call by hardhat-viem, then by Ignition.
  expect(stdout.match(/Review and confirm on your Ledger/g)).toHaveLength(4)
  expect(stdout.match(/Review and confirm on your Trezor/g)).toHaveLength(4)
}, 180_000)
