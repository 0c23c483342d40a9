import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { expect, test } from 'vitest'

const run = promisify(execFile)

test('the demo signs and verifies on both emulated devices', async () => {
  const cwd = fileURLToPath(new URL('..', import.meta.url))
  // `source` runs the packages from their TypeScript sources, as the tests do.
  const { stdout } = await run('pnpm', ['exec', 'tsx', '--conditions=source', 'src/demo.ts'], {
    cwd,
    timeout: 90_000,
    env: { ...process.env, AIRLOCK_TREZOR: '' },
  })
  expect(stdout).toContain('Ledger — the built-in emulator')
  expect(stdout).toContain('Trezor — the built-in emulator')
  expect(stdout.match(/verified ✓/g)).toHaveLength(6)
  expect(stdout.match(/UserRejectedOnDeviceError \(code 4001\)/g)).toHaveLength(2)
  expect(stdout).toContain(
    'accounts (BIP-44) in 1 device exchange: 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  )
  expect(stdout).not.toMatch(/test test test/)
}, 120_000)
