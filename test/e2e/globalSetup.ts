/**
 * Starts what the browser tests talk to, on free 127.0.0.1 ports: the dApp's local Ethereum (the
 * Hardhat node of `pnpm chain`: chain id 1, USDC and USDT at their mainnet addresses, the
 * `test test … junk` accounts the emulators use funded) and the dApp's production build behind
 * `vite preview`. Stops both afterwards.
 */
import net from 'node:net'
import { resolve } from 'node:path'
import { build, type PreviewServer, preview } from 'vite'
import type { TestProject } from 'vitest/node'
import { startLocalChain } from '../../examples/dapp/chain/startLocalChain.js'

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

export default async function setup(project: TestProject) {
  const [rpcPort, webPort] = [await freePort(), await freePort()]
  const [chain] = await Promise.all([
    startLocalChain({ port: rpcPort }),
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
    chain.stop()
    throw error
  }
  project.provide('baseUrl', `http://127.0.0.1:${webPort}`)
  project.provide('rpcUrl', chain.rpcUrl)
  return async () => {
    await server?.close()
    chain.stop()
  }
}
