import {
  clearSigningTokens,
  erc1155Collection,
  testClearSigningKeys as keys,
  lendingPool,
  swapRouter,
} from '@airlock/fixtures/clearSigningContracts'
import { Buffer } from 'buffer'
import {
  type Abi,
  encodeFunctionData,
  type Hex,
  hexToBytes,
  keccak256,
  parseAbi,
  parseGwei,
  parseUnits,
  recoverAddress,
  serializeTransaction,
  type TransactionSerializableEIP1559,
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
} from '../../pki/testDescriptors.js'
import { issueTestCertificate, testPublicKeyOf } from '../../pki/testPki.js'
import type { LedgerModel } from '../../types.js'

const path = "44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const [usdc, weth] = clearSigningTokens as [
  (typeof clearSigningTokens)[0],
  (typeof clearSigningTokens)[0],
]

beforeEach(denyNetwork)

function emulatorWithRoot(
  model: LedgerModel = 'flex',
  root: Hex | null = testPublicKeyOf(keys.pkiRoot),
) {
  return createLedgerEmulator({
    model,
    calPublicKey: calPublicKeyOf(keys.erc20),
    ...(root ? { pkiRootPublicKey: root } : {}),
  })
}

function certificate(model: LedgerModel = 'flex', rootPrivateKey: Hex = keys.pkiRoot): Hex {
  return issueTestCertificate({
    rootPrivateKey,
    privateKey: keys.calldata,
    keyUsage: 0x0b,
    name: 'calldata',
    model,
  })
}

async function exchange(emulator: LedgerEmulator, header: number[], data: Uint8Array) {
  const response = await emulator.transport.exchange(Buffer.from([...header, data.length, ...data]))
  return { data: response.subarray(0, -2), sw: response.readUInt16BE(response.length - 2) }
}

/** Streams a TLV payload as tlv_from_apdu reads it: P1 01 `length (2) || chunk`, then P1 00. */
async function sendTlv(emulator: LedgerEmulator, ins: number, payload: Hex) {
  const bytes = Buffer.concat([Buffer.from([0, 0]), Buffer.from(hexToBytes(payload))])
  bytes.writeUInt16BE(bytes.length - 2, 0)
  let sw = 0
  for (let offset = 0; offset < bytes.length; offset += 255) {
    const chunk = bytes.subarray(offset, offset + 255)
    ;({ sw } = await exchange(emulator, [0xe0, ins, offset === 0 ? 1 : 0, 0], chunk))
    if (sw !== 0x9000) return sw
  }
  return sw
}

async function storeTransaction(emulator: LedgerEmulator, serialized: Hex, p2 = 0x01) {
  const all = Buffer.concat([pathBytes(path), Buffer.from(hexToBytes(serialized))])
  let sw = 0
  for (let offset = 0; offset < all.length; offset += 255) {
    ;({ sw } = await exchange(
      emulator,
      [0xe0, 0x04, offset === 0 ? 0x00 : 0x80, p2],
      all.subarray(offset, offset + 255),
    ))
  }
  return sw
}

const withSignature = (data: Hex, signature: Hex) =>
  `${data}81ff${(signature.length / 2 - 1).toString(16).padStart(2, '0')}${signature.slice(2)}` as Hex

/** What a host sends for a described call, in DMK's order; returns the status of each APDU. */
async function describe7730(
  emulator: LedgerEmulator,
  descriptor: TestCalldataDescriptor,
  options: { cert?: Hex; tokens?: readonly (typeof usdc)[] } = {},
) {
  const statuses: number[] = []
  const cert = hexToBytes(options.cert ?? certificate(emulator.model))
  statuses.push((await exchange(emulator, [0xb0, 0x06, 0x0b, 0x00], cert)).sw)
  const info = descriptor.transaction_info.descriptor
  statuses.push(await sendTlv(emulator, 0x26, withSignature(info.data, info.signatures.test)))
  for (const values of Object.values(descriptor.enums)) {
    for (const entry of Object.values(values)) {
      statuses.push(await sendTlv(emulator, 0x24, withSignature(entry.data, entry.signatures.test)))
    }
  }
  for (const token of options.tokens ?? []) {
    const payload = hexToBytes(signErc20Descriptor(keys.erc20, token))
    statuses.push((await exchange(emulator, [0xe0, 0x0a, 0, 0], payload)).sw)
  }
  for (const field of descriptor.fields)
    statuses.push(await sendTlv(emulator, 0x28, field.descriptor))
  return statuses
}

async function startFlow(emulator: LedgerEmulator) {
  return exchange(emulator, [0xe0, 0x04, 0x00, 0x02], new Uint8Array())
}

function eip1559(to: Hex, data: Hex, chainId = 1): TransactionSerializableEIP1559 {
  return {
    type: 'eip1559',
    chainId,
    nonce: 3,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
    gas: 200_000n,
    to,
    value: 0n,
    data,
  }
}

const swapAbi = parseAbi([swapRouter.functions[0]!.signature]) as Abi
const swapTx = eip1559(
  swapRouter.address,
  encodeFunctionData({
    abi: swapAbi,
    functionName: 'exactInputSingle',
    args: [
      {
        tokenIn: usdc.address,
        tokenOut: weth.address,
        fee: 500,
        recipient,
        amountIn: parseUnits('1.5', 6),
        amountOutMinimum: parseUnits('0.0004', 18),
        sqrtPriceLimitX96: 0n,
      },
    ],
  }),
)
const swapDescriptor = signTestCalldataDescriptor(
  swapRouter,
  swapRouter.functions[0]!,
  keys.calldata,
)

describe('generic parser (ERC-7730 clear signing)', () => {
  test('a swap with its descriptor is shown field by field and signed, blind signing off', async () => {
    const emulator = emulatorWithRoot()
    const serialized = serializeTransaction(swapTx)
    expect(await storeTransaction(emulator, serialized)).toBe(0x9000)
    const statuses = await describe7730(emulator, swapDescriptor, { tokens: [usdc, weth] })
    expect(statuses.every((sw) => sw === 0x9000)).toBe(true)
    const { data, sw } = await startFlow(emulator)
    expect(sw).toBe(0x9000)
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'Review transaction to', value: 'Swap' },
      { title: 'Interaction with', value: 'Uniswap' },
      { title: 'Send', value: '1.5 USDC' },
      { title: 'Receive minimum', value: '0.0004 WETH' },
      { title: 'Beneficiary', value: recipient },
      { title: 'Max fees', value: '0.006 ETH' },
    ])
    const signature = {
      r: `0x${Buffer.from(data.subarray(1, 33)).toString('hex')}` as Hex,
      s: `0x${Buffer.from(data.subarray(33, 65)).toString('hex')}` as Hex,
      yParity: data[0]!,
    }
    expect(await recoverAddress({ hash: keccak256(serialized), signature })).toBe(account.address)
  })

  test('a token without its ERC-20 descriptor shows ??? and raw units', async () => {
    const emulator = emulatorWithRoot()
    await storeTransaction(emulator, serializeTransaction(swapTx))
    await describe7730(emulator, swapDescriptor, { tokens: [usdc] })
    await startFlow(emulator)
    expect(emulator.reviews.at(-1)?.screens[3]).toEqual({
      title: 'Receive minimum',
      value: '400000000000000 ???',
    })
  })

  test('an ERC-1155 batch transfer walks both arrays', async () => {
    const emulator = emulatorWithRoot()
    const fn = erc1155Collection.functions[0]!
    const data = encodeFunctionData({
      abi: parseAbi([fn.signature]) as Abi,
      functionName: 'safeBatchTransferFrom',
      args: [account.address, recipient, [7n, 42n, 1000n], [1n, 2n, 3n], '0x'],
    })
    await storeTransaction(emulator, serializeTransaction(eip1559(erc1155Collection.address, data)))
    await describe7730(emulator, signTestCalldataDescriptor(erc1155Collection, fn, keys.calldata))
    expect((await startFlow(emulator)).sw).toBe(0x9000)
    const fields = emulator.reviews.at(-1)!.screens.slice(2, -1)
    expect(fields).toEqual([
      { title: 'From', value: account.address },
      { title: 'To', value: recipient },
      { title: 'Token ID', value: '7' },
      { title: 'Token ID', value: '42' },
      { title: 'Token ID', value: '1000' },
      { title: 'Quantity', value: '1' },
      { title: 'Quantity', value: '2' },
      { title: 'Quantity', value: '3' },
    ])
  })

  test('an enum value shows its signed name', async () => {
    const emulator = emulatorWithRoot()
    const fn = lendingPool.functions[1]!
    const data = encodeFunctionData({
      abi: parseAbi([fn.signature]) as Abi,
      functionName: 'borrow',
      args: [usdc.address, parseUnits('250', 6), 2n, 0, account.address],
    })
    await storeTransaction(emulator, serializeTransaction(eip1559(lendingPool.address, data)))
    await describe7730(emulator, signTestCalldataDescriptor(lendingPool, fn, keys.calldata), {
      tokens: [usdc],
    })
    expect((await startFlow(emulator)).sw).toBe(0x9000)
    expect(emulator.reviews.at(-1)!.screens.slice(2, 5)).toEqual([
      { title: 'Amount to borrow', value: '250 USDC' },
      { title: 'Interest rate mode', value: 'variable' },
      { title: 'Debtor', value: account.address },
    ])
  })
})

describe('generic parser refusals', () => {
  test('without a PKI root every certificate is refused (0x5720) and the info with it', async () => {
    const emulator = emulatorWithRoot('flex', null)
    await storeTransaction(emulator, serializeTransaction(swapTx))
    const statuses = await describe7730(emulator, swapDescriptor)
    expect(statuses.slice(0, 2)).toEqual([0x5720, 0x6a80])
  })

  test('a certificate from another root is refused (0x5720)', async () => {
    const emulator = emulatorWithRoot()
    await storeTransaction(emulator, serializeTransaction(swapTx))
    const statuses = await describe7730(emulator, swapDescriptor, {
      cert: certificate('flex', keys.erc20),
    })
    expect(statuses.slice(0, 2)).toEqual([0x5720, 0x6a80])
  })

  test('a certificate for another model is refused (0x4239)', async () => {
    const emulator = emulatorWithRoot('stax')
    await storeTransaction(emulator, serializeTransaction(swapTx))
    const statuses = await describe7730(emulator, swapDescriptor, { cert: certificate('flex') })
    expect(statuses[0]).toBe(0x4239)
  })

  test('a certificate for another usage is refused (0x422E)', async () => {
    const emulator = emulatorWithRoot()
    const trustedName = issueTestCertificate({
      rootPrivateKey: keys.pkiRoot,
      privateKey: keys.calldata,
      keyUsage: 0x04,
      name: 'trusted_name',
      model: 'flex',
    })
    const { sw } = await exchange(emulator, [0xb0, 0x06, 0x0b, 0x00], hexToBytes(trustedName))
    expect(sw).toBe(0x422e)
  })

  test('a tampered transaction info is refused (0x6A80) and nothing is shown', async () => {
    const emulator = emulatorWithRoot()
    await storeTransaction(emulator, serializeTransaction(swapTx))
    const info = swapDescriptor.transaction_info.descriptor
    const tampered = {
      ...swapDescriptor,
      transaction_info: {
        descriptor: { ...info, data: info.data.replace('53776170', '53746f70') as Hex },
      },
    }
    expect(tampered.transaction_info.descriptor.data).not.toBe(info.data)
    const statuses = await describe7730(emulator, tampered)
    expect(statuses[1]).toBe(0x6a80)
    expect((await startFlow(emulator)).sw).toBe(0x6980)
    expect(emulator.reviews).toEqual([])
  })

  test('a tampered field fails the fields hash at start (0x6A80)', async () => {
    const emulator = emulatorWithRoot()
    await storeTransaction(emulator, serializeTransaction(swapTx))
    const [send, receive, beneficiary] = swapDescriptor.fields
    const relabelled = {
      ...receive!,
      descriptor: receive!.descriptor.replace(
        Buffer.from('Receive minimum').toString('hex'),
        Buffer.from('Receive maximum').toString('hex'),
      ) as Hex,
    }
    const statuses = await describe7730(
      emulator,
      { ...swapDescriptor, fields: [send!, relabelled, beneficiary!] },
      { tokens: [usdc, weth] },
    )
    expect(statuses.every((sw) => sw === 0x9000)).toBe(true)
    expect((await startFlow(emulator)).sw).toBe(0x6a80)
    expect(emulator.reviews).toEqual([])
  })

  test('a missing field fails the fields hash at start (0x6A80)', async () => {
    const emulator = emulatorWithRoot()
    await storeTransaction(emulator, serializeTransaction(swapTx))
    await describe7730(emulator, { ...swapDescriptor, fields: swapDescriptor.fields.slice(0, 2) })
    expect((await startFlow(emulator)).sw).toBe(0x6a80)
  })

  test("another contract's descriptor does not match the transaction (0x6A80)", async () => {
    const emulator = emulatorWithRoot()
    await storeTransaction(emulator, serializeTransaction(swapTx))
    const other = signTestCalldataDescriptor(
      { ...swapRouter, address: lendingPool.address },
      swapRouter.functions[0]!,
      keys.calldata,
    )
    expect((await describe7730(emulator, other))[1]).toBe(0x6a80)
  })

  test('transaction info before any stored transaction is not allowed (0x6980)', async () => {
    const emulator = emulatorWithRoot()
    const info = swapDescriptor.transaction_info.descriptor
    expect(await sendTlv(emulator, 0x26, withSignature(info.data, info.signatures.test))).toBe(
      0x6980,
    )
  })

  test('a stored transaction without calldata is refused (0x6A80)', async () => {
    const emulator = emulatorWithRoot()
    const tx = { ...swapTx, data: undefined }
    expect(await storeTransaction(emulator, serializeTransaction(tx))).toBe(0x6a80)
  })

  test('the same call without a descriptor is refused with blind signing off', async () => {
    const emulator = emulatorWithRoot()
    expect(await storeTransaction(emulator, serializeTransaction(swapTx), 0x00)).toBe(0x6a80)
  })

  test('a new transaction after a refused certificate drops the stored one', async () => {
    const emulator = emulatorWithRoot('flex', null)
    await storeTransaction(emulator, serializeTransaction(swapTx))
    const cert = hexToBytes(certificate('flex'))
    expect((await exchange(emulator, [0xb0, 0x06, 0x0b, 0x00], cert)).sw).toBe(0x5720)
    // The host starts a plain signature (its first chunk only here)...
    const first = Buffer.concat([
      pathBytes(path),
      Buffer.from(hexToBytes(serializeTransaction(swapTx))),
    ])
    expect(first.length).toBeGreaterThan(255)
    const { sw } = await exchange(emulator, [0xe0, 0x04, 0x00, 0x00], first.subarray(0, 255))
    expect(sw).toBe(0x9000)
    // ...and the stored transaction cannot be started any more.
    expect((await startFlow(emulator)).sw).toBe(0x6980)
  })

  test('a rejected review answers 0x6985', async () => {
    const emulator = emulatorWithRoot()
    emulator.setUser('reject')
    await storeTransaction(emulator, serializeTransaction(swapTx))
    await describe7730(emulator, swapDescriptor, { tokens: [usdc, weth] })
    expect((await startFlow(emulator)).sw).toBe(0x6985)
  })
})
