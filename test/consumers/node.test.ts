/**
 * Plain Node, as an app or a script would use Airlock from npm: an ES module and a CommonJS
 * script in the consumer project import every public entry and run both emulator flows.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { run } from './run.js'
import { publicEntries, readWorkspacePackages } from './workspacePackages.js'

const scripts = resolve(import.meta.dirname, 'scripts')
const packageNames = readWorkspacePackages().map(({ name }) => name)
let workDir: string

beforeAll(() => {
  // Inside the consumer project, so that the scripts resolve its node_modules and nothing else.
  workDir = mkdtempSync(join(inject('consumerProjectDir'), 'node-'))
  cpSync(scripts, workDir, { recursive: true })
})
afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true })
})

function runScript(script: string, args: string[] = packageNames) {
  return run(process.execPath, ['--import', './denyNetwork.mjs', script, ...args], {
    cwd: workDir,
    timeoutMs: 120_000,
  })
}

describe.each([
  { script: 'consumer.mjs', loads: 'imported', how: 'import (ESM)' },
  { script: 'consumer.cjs', loads: 'required', how: 'require() (CommonJS)' },
])('plain Node, $how', ({ script, loads }) => {
  test('loads every public entry and signs on both emulators (Ledger clear signing included), verified with viem', async () => {
    const { code, stdout, stderr } = await runScript(script)
    const loaded = [...stdout.matchAll(new RegExp(`^${loads} (\\S+) `, 'gm'))].map(
      (match) => match[1],
    )
    expect(loaded, stderr).toEqual(publicEntries())
    expect(stdout).toMatch(/^ledger: addresses .*; message and EIP-1559 transaction verified$/m)
    expect(stdout).toMatch(/^ledger: USDC transfer and permit clear-signed offline/m)
    expect(stdout).toMatch(/^trezor: addresses .*; message and EIP-1559 transaction verified$/m)
    expect(stderr).not.toContain('network access refused')
    expect(code, `${stdout}\n${stderr}`).toBe(0)
  })
})

test('the scripts run under a guard that refuses the network', async () => {
  const { code, stderr } = await run(
    process.execPath,
    [
      '--import',
      './denyNetwork.mjs',
      '--input-type=module',
      '-e',
      "await fetch('https://registry.npmjs.org/').catch(() => {})",
    ],
    { cwd: workDir },
  )
  expect(stderr).toContain('network access refused: fetch https://registry.npmjs.org/')
  expect(code).toBe(1)
})
