import {
  clearSigningTokens,
  exampleCounter,
  testClearSigningKeys as keys,
  safeWallet,
  usdcToken,
} from '@airlock/fixtures/clearSigningContracts'
import { Buffer } from 'buffer'
import {
  type Abi,
  encodeFunctionData,
  getAddress,
  type Hex,
  hexToBytes,
  keccak256,
  parseAbi,
  parseEther,
  parseGwei,
  parseUnits,
  recoverAddress,
  serializeTransaction,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import { denyNetwork, pathBytes } from '../../_test/testUtils.js'
import { calPublicKeyOf } from '../../cal/calKey.js'
import { signErc20Descriptor } from '../../cal/erc20Descriptor.js'
import { createLedgerEmulator, type LedgerEmulator } from '../../createLedgerEmulator.js'
import {
  signTestCalldataDescriptor,
  type TestCalldataDescriptor,
  type TestDescribedFunction,
} from '../../pki/testDescriptors.js'
import { issueTestCertificate, testPublicKeyOf } from '../../pki/testPki.js'

// Nested calldata as app-ethereum 1.22.0 plays it (gtp_param_calldata.c, tx_ctx.c, cmd_field.c,
// cmd_tx_info.c, cmd_sign_tx.c, ui_gcs.c), in the order of its test_gcs.py and of DMK: the outer
// call's info and fields, each CALLDATA field followed by the inner call's info and fields.

const path = "44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const usdc = clearSigningTokens[0]!
const safeFn = safeWallet.functions[0]!
const safeAbi = parseAbi([safeFn.signature]) as Abi
const transferFn = usdcToken.functions[0]!

beforeEach(denyNetwork)

function emulator(): LedgerEmulator {
  return createLedgerEmulator({
    model: 'flex',
    calPublicKey: calPublicKeyOf(keys.erc20),
    pkiRootPublicKey: testPublicKeyOf(keys.pkiRoot),
  })
}

async function exchange(device: LedgerEmulator, header: number[], data: Uint8Array) {
  const response = await device.transport.exchange(Buffer.from([...header, data.length, ...data]))
  return response.readUInt16BE(response.length - 2)
}

async function sendTlv(device: LedgerEmulator, ins: number, payload: Hex): Promise<number> {
  const bytes = Buffer.concat([Buffer.from([0, 0]), Buffer.from(hexToBytes(payload))])
  bytes.writeUInt16BE(bytes.length - 2, 0)
  let sw = 0
  for (let offset = 0; offset < bytes.length; offset += 255) {
    const chunk = bytes.subarray(offset, offset + 255)
    sw = await exchange(device, [0xe0, ins, offset === 0 ? 1 : 0, 0], chunk)
    if (sw !== 0x9000) return sw
  }
  return sw
}

async function store(device: LedgerEmulator, serialized: Hex): Promise<number> {
  const all = Buffer.concat([pathBytes(path), Buffer.from(hexToBytes(serialized))])
  let sw = 0
  for (let offset = 0; offset < all.length; offset += 255) {
    const header = [0xe0, 0x04, offset === 0 ? 0x00 : 0x80, 0x01]
    sw = await exchange(device, header, all.subarray(offset, offset + 255))
  }
  return sw
}

const withSignature = (data: Hex, signature: Hex) =>
  `${data}81ff${(signature.length / 2 - 1).toString(16).padStart(2, '0')}${signature.slice(2)}` as Hex

async function loadCertificate(device: LedgerEmulator): Promise<number> {
  const certificate = issueTestCertificate({
    rootPrivateKey: keys.pkiRoot,
    privateKey: keys.calldata,
    keyUsage: 0x0b,
    name: 'calldata',
    model: 'flex',
  })
  return exchange(device, [0xb0, 0x06, 0x0b, 0x00], hexToBytes(certificate))
}

async function info(device: LedgerEmulator, descriptor: TestCalldataDescriptor): Promise<number> {
  const { data, signatures } = descriptor.transaction_info.descriptor
  return sendTlv(device, 0x26, withSignature(data, signatures.test))
}

const field = (device: LedgerEmulator, descriptor: TestCalldataDescriptor, index: number) =>
  sendTlv(device, 0x28, descriptor.fields[index]!.descriptor)

const startFlow = (device: LedgerEmulator) =>
  exchange(device, [0xe0, 0x04, 0x00, 0x02], new Uint8Array())

function execTransaction(to: Hex, value: bigint, data: Hex): Hex {
  const call = encodeFunctionData({
    abi: safeAbi,
    functionName: 'execTransaction',
    args: [to, value, data, 0, 0n, 0n, 0n, zeroAddress, recipient, '0x'],
  })
  return serializeTransaction({
    type: 'eip1559',
    chainId: 1,
    nonce: 7,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    gas: 200_000n,
    to: safeWallet.address,
    value: 0n,
    data: call,
  })
}

const usdcTransfer = encodeFunctionData({
  abi: parseAbi([transferFn.signature]) as Abi,
  functionName: 'transfer',
  args: [recipient, parseUnits('1.5', 6)],
})
const safeDescriptor = signTestCalldataDescriptor(safeWallet, safeFn, keys.calldata)
const transferDescriptor = signTestCalldataDescriptor(usdcToken, transferFn, keys.calldata)

describe('nested calldata (CALLDATA fields)', () => {
  test('a Safe transaction shows the inner USDC transfer between its own fields', async () => {
    const device = emulator()
    const serialized = execTransaction(usdc.address, 0n, usdcTransfer)
    expect(await store(device, serialized)).toBe(0x9000)
    const statuses = [
      await exchange(device, [0xe0, 0x0a, 0, 0], hexToBytes(signErc20Descriptor(keys.erc20, usdc))),
      await loadCertificate(device),
      await info(device, safeDescriptor),
      await field(device, safeDescriptor, 0),
      await loadCertificate(device),
      await info(device, transferDescriptor),
      await field(device, transferDescriptor, 0),
      await field(device, transferDescriptor, 1),
      await field(device, safeDescriptor, 1),
    ]
    expect(statuses.every((sw) => sw === 0x9000)).toBe(true)
    const response = await device.transport.exchange(Buffer.from([0xe0, 0x04, 0x00, 0x02, 0x00]))
    expect(response.readUInt16BE(response.length - 2)).toBe(0x9000)
    expect(device.reviews.at(-1)?.screens).toEqual([
      { title: 'Review transaction to', value: 'execute a Safe action' },
      { title: 'Interaction with', value: 'Safe' },
      { title: 'Transaction type', value: 'Send' },
      { title: 'To', value: recipient },
      { title: 'Amount', value: '1.5 USDC' },
      { title: 'Refund receiver', value: recipient },
      { title: 'Max fees', value: '0.006 ETH' },
    ])
    const signature = {
      r: `0x${response.subarray(1, 33).toString('hex')}` as Hex,
      s: `0x${response.subarray(33, 65).toString('hex')}` as Hex,
      yParity: response[0]!,
    }
    expect(await recoverAddress({ hash: keccak256(serialized), signature })).toBe(account.address)
  })

  test('the inner call reads its own calldata, `to` and sender (the Safe)', async () => {
    const device = emulator()
    const increment = exampleCounter.functions[0]!
    const counterDescriptor = signTestCalldataDescriptor(exampleCounter, increment, keys.calldata)
    await store(device, execTransaction(exampleCounter.address, 0n, increment.selector))
    await loadCertificate(device)
    await info(device, safeDescriptor)
    await field(device, safeDescriptor, 0)
    expect(await info(device, counterDescriptor)).toBe(0x9000)
    expect(await field(device, counterDescriptor, 0)).toBe(0x9000)
    expect(await field(device, safeDescriptor, 1)).toBe(0x9000)
    expect(await startFlow(device)).toBe(0x9000)
    expect(device.reviews.at(-1)?.screens.slice(2, -1)).toEqual([
      { title: 'Transaction type', value: 'Increment the counter' },
      { title: 'Counted for', value: getAddress(safeWallet.address) },
      { title: 'Refund receiver', value: recipient },
    ])
  })

  test('an inner plain transfer is shown at the start of the review as "Send"', async () => {
    const device = emulator()
    await store(device, execTransaction(recipient, parseEther('0.0042'), '0x'))
    await loadCertificate(device)
    await info(device, safeDescriptor)
    await field(device, safeDescriptor, 0)
    await field(device, safeDescriptor, 1)
    expect(await startFlow(device)).toBe(0x9000)
    expect(device.reviews.at(-1)?.screens.slice(2, -1)).toEqual([
      { title: 'Refund receiver', value: recipient },
      { title: 'Transaction type', value: 'Send' },
      { title: 'Amount', value: '0.0042 ETH' },
      { title: 'To', value: recipient },
    ])
  })

  test('without the inner call described the review does not start (0x6980)', async () => {
    const device = emulator()
    await store(device, execTransaction(usdc.address, 0n, usdcTransfer))
    await loadCertificate(device)
    await info(device, safeDescriptor)
    await field(device, safeDescriptor, 0)
    await field(device, safeDescriptor, 1)
    expect(await startFlow(device)).toBe(0x6980)
    expect(device.reviews).toEqual([])
  })

  test('an inner info before its CALLDATA field, or for another call, is refused (0x6A80)', async () => {
    const device = emulator()
    await store(device, execTransaction(usdc.address, 0n, usdcTransfer))
    await loadCertificate(device)
    await info(device, safeDescriptor)
    expect(await info(device, transferDescriptor)).toBe(0x6a80)

    const other = emulator()
    await store(other, execTransaction(recipient, 0n, usdcTransfer))
    await loadCertificate(other)
    await info(other, safeDescriptor)
    await field(other, safeDescriptor, 0)
    expect(await info(other, transferDescriptor)).toBe(0x6a80)
  })

  test('inner calldata shorter than a selector is refused (0x6A80), as the app does', async () => {
    const device = emulator()
    await store(device, execTransaction(usdc.address, 0n, '0xa905'))
    await loadCertificate(device)
    await info(device, safeDescriptor)
    expect(await field(device, safeDescriptor, 0)).toBe(0x6a80)
  })

  test('a tampered inner descriptor is refused (0x6A80) and nothing is signed', async () => {
    const device = emulator()
    await store(device, execTransaction(usdc.address, 0n, usdcTransfer))
    await loadCertificate(device)
    await info(device, safeDescriptor)
    await field(device, safeDescriptor, 0)
    const { data, signatures } = transferDescriptor.transaction_info.descriptor
    const tampered = data.replace('53656e64', '5374656e') as Hex
    expect(tampered).not.toBe(data)
    expect(await sendTlv(device, 0x26, withSignature(tampered, signatures.test))).toBe(0x6a80)
    expect(await startFlow(device)).not.toBe(0x9000)
    expect(device.reviews).toEqual([])
  })

  test('inner fields that do not hash to the inner info keep the review from starting', async () => {
    const device = emulator()
    await store(device, execTransaction(usdc.address, 0n, usdcTransfer))
    await loadCertificate(device)
    await info(device, safeDescriptor)
    await field(device, safeDescriptor, 0)
    await info(device, transferDescriptor)
    expect(await field(device, transferDescriptor, 1)).toBe(0x9000)
    // The inner call is still current: its fields do not hash to its info's.
    expect(await startFlow(device)).toBe(0x6a80)
    expect(device.reviews).toEqual([])
  })

  test('a batch of two inner calls pages each with "Review transaction n of 2"', async () => {
    const batch: TestDescribedFunction = {
      selector: '0x5773341e',
      intent: 'Batch',
      fields: [
        {
          label: 'calls',
          param: {
            type: 'CALLDATA',
            value: {
              type: 'path',
              type_family: 'BYTES',
              binary_path: {
                type: 'DATA',
                elements: [
                  { type: 'TUPLE', offset: 0 },
                  { type: 'REF' },
                  { type: 'ARRAY', weight: 1 },
                  { type: 'REF' },
                  { type: 'TUPLE', offset: 1 },
                  { type: 'REF' },
                  { type: 'LEAF', leaf_type: 'DYNAMIC_LEAF' },
                ],
              },
            },
            callee: {
              type: 'path',
              type_family: 'ADDRESS',
              type_size: 20,
              binary_path: {
                type: 'DATA',
                elements: [
                  { type: 'TUPLE', offset: 0 },
                  { type: 'REF' },
                  { type: 'ARRAY', weight: 1 },
                  { type: 'REF' },
                  { type: 'TUPLE', offset: 0 },
                  { type: 'LEAF', leaf_type: 'STATIC_LEAF' },
                ],
              },
            },
          },
        },
      ],
    }
    const batcher = { chainId: 1, address: '0x000000000000000000000000000000000000bA7c' as Hex }
    const batchDescriptor = signTestCalldataDescriptor(batcher, batch, keys.calldata)
    const data = encodeFunctionData({
      abi: parseAbi(['function batch((address to, bytes data)[] calls)']) as Abi,
      functionName: 'batch',
      args: [
        [
          { to: usdc.address, data: usdcTransfer },
          { to: exampleCounter.address, data: exampleCounter.functions[0]!.selector },
        ],
      ],
    })
    expect(data.slice(0, 10)).toBe(batch.selector)
    const device = emulator()
    await store(
      device,
      serializeTransaction({
        type: 'eip1559',
        chainId: 1,
        nonce: 1,
        maxFeePerGas: parseGwei('30'),
        maxPriorityFeePerGas: parseGwei('1'),
        gas: 200_000n,
        to: batcher.address,
        data,
      }),
    )
    const counterDescriptor = signTestCalldataDescriptor(
      exampleCounter,
      exampleCounter.functions[0]!,
      keys.calldata,
    )
    await exchange(device, [0xe0, 0x0a, 0, 0], hexToBytes(signErc20Descriptor(keys.erc20, usdc)))
    await loadCertificate(device)
    const statuses = [
      await info(device, batchDescriptor),
      await field(device, batchDescriptor, 0),
      await info(device, transferDescriptor),
      await field(device, transferDescriptor, 0),
      await field(device, transferDescriptor, 1),
      await info(device, counterDescriptor),
      await field(device, counterDescriptor, 0),
      await startFlow(device),
    ]
    expect(statuses).toEqual(Array(8).fill(0x9000))
    expect(device.reviews.at(-1)?.screens.slice(0, -1)).toEqual([
      { title: 'Review transaction to', value: 'Batch' },
      { title: 'Interaction with', value: 'a smart contract' },
      { title: 'Review transaction', value: '1 of 2' },
      { title: 'Transaction type', value: 'Send' },
      { title: 'To', value: recipient },
      { title: 'Amount', value: '1.5 USDC' },
      { title: 'Review transaction', value: '2 of 2' },
      { title: 'Transaction type', value: 'Increment the counter' },
      { title: 'Counted for', value: account.address },
    ])
  })
})
