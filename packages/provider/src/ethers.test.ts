import { toHardwareAccount, UserRejectedOnDeviceError } from '@airlock/core'
import { createTestRpc } from '@airlock/fixtures/testRpc'
import { BrowserProvider, Transaction, verifyMessage } from 'ethers'
import { keccak256, parseTransaction } from 'viem'
import { mainnet } from 'viem/chains'
import { afterEach, expect, test } from 'vitest'
import { createSoftwareSigner as createTestSigner } from '../../core/src/_test/createSoftwareSigner.js'
import { createHardwareProvider } from './createHardwareProvider.js'

const recipient = '0x000000000000000000000000000000000000dEaD'
let cleanup: (() => void) | undefined
afterEach(() => cleanup?.())

async function setup() {
  const signer = createTestSigner()
  const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
  const rpc = createTestRpc(mainnet)
  const provider = createHardwareProvider({ account, chains: [mainnet], transport: rpc.transport })
  const ethers = new BrowserProvider(provider)
  cleanup = () => ethers.destroy()
  return { account, device: signer, ethers, rpc }
}

test('ethers v6 BrowserProvider signs a message on the device', async () => {
  const { account, ethers } = await setup()
  const signer = await ethers.getSigner()
  expect(signer.address).toBe(account.address)
  const signature = await signer.signMessage('Hello from ethers')
  expect(verifyMessage('Hello from ethers', signature)).toBe(account.address)
})

test('ethers v6 BrowserProvider sends a transaction', async () => {
  const { account, ethers, rpc } = await setup()
  const signer = await ethers.getSigner()
  const response = await signer.sendTransaction({ to: recipient, value: 12345n })
  const raw = rpc.state.sent[0]!
  expect(response.hash).toBe(keccak256(raw))
  expect(response.from).toBe(account.address)
  expect(Transaction.from(raw).from).toBe(account.address)
  expect(parseTransaction(raw)).toMatchObject({ to: recipient.toLowerCase(), value: 12345n })
})

test('ethers sees a rejection on the device as ACTION_REJECTED', async () => {
  const { device, ethers } = await setup()
  const signer = await ethers.getSigner()
  device.state.failNext = new UserRejectedOnDeviceError()
  await expect(signer.signMessage('no')).rejects.toMatchObject({ code: 'ACTION_REJECTED' })
})
