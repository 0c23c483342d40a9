/**
 * A CommonJS consumer: require()s every public entry of the packages named on the command line
 * (Node >= 20.19 loads ES modules without top-level await through require), then runs the
 * emulator flows with the public API. Exits non-zero on any failure, after trying every entry.
 */
const viem = require('viem')
const viemAccounts = require('viem/accounts')
const runDeviceFlows = require('./deviceFlows.cjs')

const modules = {}
for (const name of process.argv.slice(2)) {
  const { exports } = require(`${name}/package.json`)
  for (const subpath of Object.keys(exports)) {
    if (subpath === './package.json') continue
    const entry = subpath === '.' ? name : `${name}/${subpath.slice(2)}`
    try {
      modules[entry] = require(entry)
      console.log(`required ${entry} (${Object.keys(modules[entry]).length} exports)`)
    } catch (error) {
      console.error(`cannot require ${entry}:`, error)
      process.exitCode = 1
    }
  }
}

if (process.exitCode !== 1)
  runDeviceFlows({ modules, viem, viemAccounts }).then(
    () => console.log('done'),
    (error) => {
      console.error(error)
      process.exitCode = 1
    },
  )
