import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { installContracts } from './installContracts.js'

const dappDir = resolve(import.meta.dirname, '..')

export type LocalChain = { rpcUrl: string; process: ChildProcess; stop: () => void }

/**
 * Starts the Hardhat node of hardhat.config.cjs (chain id 1, hardfork prague, the `test test … junk`
 * accounts funded) on 127.0.0.1:`port`, then installs the tokens and the Counter. `log` gets the
 * node's output.
 */
export async function startLocalChain({
  port,
  log,
}: {
  port: number
  log?: (text: string) => void
}): Promise<LocalChain> {
  const require = createRequire(join(dappDir, 'package.json'))
  const hardhatDir = dirname(require.resolve('hardhat/package.json'))
  const { bin } = require('hardhat/package.json') as { bin: { hardhat: string } }
  const child = spawn(
    process.execPath,
    [join(hardhatDir, bin.hardhat), 'node', '--hostname', '127.0.0.1', '--port', String(port)],
    {
      cwd: dappDir,
      env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  await new Promise<void>((started, failed) => {
    const timer = setTimeout(() => failed(new Error(`Hardhat did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Started HTTP and WebSocket JSON-RPC server')) {
        clearTimeout(timer)
        started()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      failed(new Error(`Hardhat exited with ${code}:\n${output}`))
    })
  })
  log?.(output)
  // Keep draining its log so the pipe never fills up.
  child.stdout!.removeAllListeners('data').on('data', (chunk: Buffer) => log?.(chunk.toString()))
  child.stderr!.removeAllListeners('data').on('data', (chunk: Buffer) => log?.(chunk.toString()))
  const rpcUrl = `http://127.0.0.1:${port}`
  try {
    await installContracts(rpcUrl)
  } catch (error) {
    child.kill()
    throw error
  }
  return { rpcUrl, process: child, stop: () => child.kill() }
}
