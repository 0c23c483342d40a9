/**
 * Deploys Counter and calls `increment` from the device account of each network, the emulated
 * Ledger then the emulated Trezor: once with hardhat-viem, once with Ignition. Run: `pnpm deploy`
 * (Hardhat 3, Node 22).
 */
import assert from 'node:assert/strict'
import { network } from 'hardhat'
import { parseEther } from 'viem'
import CounterModule from '../ignition/modules/Counter.js'

for (const name of ['ledger', 'trezor']) {
  const started = performance.now()
  const connection = await network.create(name)
  const { viem, ignition, provider } = connection
  const [device] = await connection.airlock.getAccounts()
  assert(device, `network "${name}" has no device account`)

  // The node does not hold the device's key: a node account pays for the device account's gas.
  const [, node] = await viem.getWalletClients()
  assert(node, 'the node has unlocked accounts')
  const publicClient = await viem.getPublicClient()
  await publicClient.waitForTransactionReceipt({
    hash: await node.sendTransaction({ to: device.address, value: parseEther('1') }),
  })

  // The first wallet client is the device account: deployContract and write sign on the device.
  const [wallet] = await viem.getWalletClients()
  assert.equal(wallet?.account.address, device.address)
  // `!`: the contract's types exist only once Hardhat has built it (artifacts/).
  const counter = await viem.deployContract('Counter')
  await publicClient.waitForTransactionReceipt({ hash: await counter.write.increment!() })

  assert.equal(await counter.read.count!(), 1n)
  assert.equal(await counter.read.lastCaller!(), device.address)
  // Ignition sends from the first account too: the device.
  const deployed = (await ignition.deploy(CounterModule)).counter as unknown as typeof counter
  assert.equal(await deployed.read.count!(), 1n)
  assert.equal(await deployed.read.lastCaller!(), device.address)

  const unlocked = (await provider.request({ method: 'eth_accounts' })) as string[]
  console.log(
    `${device.source}: ${device.address} (${device.path}) deployed Counter at ${counter.address} and called it, then with Ignition at ${deployed.address}; ` +
      `${unlocked.length - 1} node accounts beside it; ${Math.round(performance.now() - started)} ms`,
  )
  await connection.close()
}
