/**
 * A plain Node ES module consumer (no bundler, no loader): imports every public entry of the
 * packages named on the command line (`node consumer.mjs @airlock/core …`, from inside the
 * consumer project), then runs the emulator flows with the public API. Exits non-zero on any
 * failure, after trying every entry.
 */
import { createRequire } from 'node:module'
import * as viem from 'viem'
import * as viemAccounts from 'viem/accounts'
import runDeviceFlows from './deviceFlows.cjs'

const require = createRequire(import.meta.url)
const modules = {}
for (const name of process.argv.slice(2)) {
  const { exports } = require(`${name}/package.json`)
  for (const subpath of Object.keys(exports)) {
    if (subpath === './package.json') continue
    const entry = subpath === '.' ? name : `${name}/${subpath.slice(2)}`
    try {
      modules[entry] = await import(entry)
      console.log(`imported ${entry} (${Object.keys(modules[entry]).length} exports)`)
    } catch (error) {
      console.error(`cannot import ${entry}:`, error)
      process.exitCode = 1
    }
  }
}

if (process.exitCode !== 1) {
  await runDeviceFlows({ modules, viem, viemAccounts })
  console.log('done')
}
