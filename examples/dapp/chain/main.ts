/**
 * `pnpm chain`: the dApp's local Ethereum (chain 1) on 127.0.0.1:8545, with USDC, USDT and the
 * Counter in place. Ctrl-C stops it.
 */
import { counterAddress, usdc, usdt } from '../src/tokens.js'
import { tokenBalance } from './installContracts.js'
import { startLocalChain } from './startLocalChain.js'

const chain = await startLocalChain({ port: 8545, log: (text) => process.stdout.write(text) })
console.log(
  [
    `Local Ethereum (chain 1) at ${chain.rpcUrl}`,
    `  USDC    ${usdc.address}`,
    `  USDT    ${usdt.address}`,
    `  Counter ${counterAddress}`,
    `Each account above holds ${tokenBalance} USDC and ${tokenBalance} USDT.`,
  ].join('\n'),
)
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    chain.stop()
    process.exit(0)
  })
