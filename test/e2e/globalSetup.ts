/**
 * Starts what the browser tests talk to, on free 127.0.0.1 ports: a Hardhat node (hardfork prague,
 * funding the `test test … junk` accounts the emulators use) and the dApp's production build behind
 * `vite preview`. Stops both afterwards.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import net from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { build, type PreviewServer, preview } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    rpcUrl: string
  }
}

const dappDir = resolve(import.meta.dirname, '../../examples/dapp')

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = net.createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolvePort(port))
    })
  })
}

async function startHardhat(port: number): Promise<ChildProcess> {
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
  await new Promise<void>((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`Hardhat did not start:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('Started HTTP and WebSocket JSON-RPC server')) {
        clearTimeout(timer)
        resolveStart()
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Hardhat exited with ${code}:\n${output}`))
    })
  })
  // Keep draining its log so the pipe never fills up.
  child.stdout!.resume()
  child.stderr!.resume()
  return child
}

export default async function setup(project: TestProject) {
  const [rpcPort, webPort] = [await freePort(), await freePort()]
  const [hardhat] = await Promise.all([
    startHardhat(rpcPort),
    build({ root: dappDir, logLevel: 'warn' }),
  ])
  let server: PreviewServer | undefined
  try {
    server = await preview({
      root: dappDir,
      logLevel: 'warn',
      preview: { host: '127.0.0.1', port: webPort, strictPort: true },
    })
  } catch (error) {
    hardhat.kill()
    throw error
  }
  project.provide('baseUrl', `http://127.0.0.1:${webPort}`)
  project.provide('rpcUrl', `http://127.0.0.1:${rpcPort}`)
  return async () => {
    await server?.close()
    hardhat.kill()
  }
}
