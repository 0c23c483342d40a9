import { Buffer } from 'buffer'
import {
  type Hex,
  hexToBytes,
  keccak256,
  parseEther,
  parseGwei,
  recoverAddress,
  serializeTransaction,
  type TransactionSerializable,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import { createEth, denyNetwork, sendTransaction } from '../../_test/testUtils.js'
import { createLedgerEmulator } from '../../createLedgerEmulator.js'

const path = "44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)
const to = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'

beforeEach(denyNetwork)

/** Signs with hw-app-eth through the emulator and re-serializes with the signature it returns. */
async function signWithLedger(tx: TransactionSerializable, blindSigning = false) {
  const emulator = createLedgerEmulator({ blindSigning })
  const eth = createEth(emulator)
  const unsigned = serializeTransaction(tx)
  const { v, r, s } = await eth.signTransaction(path, unsigned.slice(2), null)
  const signature = { r: `0x${r}` as Hex, s: `0x${s}` as Hex, v: BigInt(`0x${v}`) }
  const signed =
    tx.type === 'legacy'
      ? serializeTransaction(tx, signature)
      : serializeTransaction(tx, { r: signature.r, s: signature.s, yParity: Number(signature.v) })
  return { signed, emulator }
}

describe('SIGN ETH TRANSACTION through hw-app-eth', () => {
  test.each([1, 137, 4294967297, 2716446429837000])('legacy on chain %i', async (chainId) => {
    const tx: TransactionSerializable = {
      type: 'legacy',
      chainId,
      nonce: 7,
      gasPrice: parseGwei('20'),
      gas: 21000n,
      to,
      value: parseEther('1.5'),
    }
    const { signed, emulator } = await signWithLedger(tx)
    expect(signed).toBe(await account.signTransaction(tx))
    const v = emulator.exchanges.at(-1)!.response.slice(0, 2)
    // The app keeps the 4 most significant bytes of the chain id and one byte of v.
    const hex = chainId.toString(16)
    const top4Bytes = Number(`0x${(hex.length % 2 ? `0${hex}` : hex).slice(0, 8)}`)
    const expected = [(top4Bytes * 2 + 35) % 256, (top4Bytes * 2 + 36) % 256]
    expect(expected).toContain(Number.parseInt(v, 16))
  })

  test('legacy before EIP-155 returns 27 or 28', async () => {
    const tx: TransactionSerializable = {
      type: 'legacy',
      nonce: 1,
      gasPrice: 1n,
      gas: 21000n,
      to,
      value: 1n,
    }
    const { signed, emulator } = await signWithLedger(tx)
    expect(signed).toBe(await account.signTransaction(tx))
    expect(['1b', '1c']).toContain(emulator.exchanges.at(-1)!.response.slice(0, 2))
  })

  test('EIP-2930 with an access list', async () => {
    const tx: TransactionSerializable = {
      type: 'eip2930',
      chainId: 1,
      nonce: 3,
      gasPrice: parseGwei('5'),
      gas: 50000n,
      to,
      value: 1n,
      accessList: [{ address: to, storageKeys: [`0x${'01'.repeat(32)}`] }],
    }
    expect((await signWithLedger(tx)).signed).toBe(await account.signTransaction(tx))
  })

  test('EIP-1559 on Base, with the screens the user saw', async () => {
    const tx: TransactionSerializable = {
      type: 'eip1559',
      chainId: 8453,
      nonce: 0,
      maxFeePerGas: parseGwei('2'),
      maxPriorityFeePerGas: parseGwei('1'),
      gas: 21000n,
      to,
      value: parseEther('0.25'),
    }
    const { signed, emulator } = await signWithLedger(tx)
    expect(signed).toBe(await account.signTransaction(tx))
    expect(emulator.reviews).toEqual([
      {
        operation: 'transaction',
        outcome: 'approved',
        screens: [
          { title: 'Type', value: 'EIP-1559' },
          { title: 'Amount', value: '0.25 ETH' },
          { title: 'To', value: to },
          { title: 'Network', value: 'Base' },
          { title: 'Max fees', value: '0.000042 ETH' },
        ],
      },
    ])
  })

  test('long calldata in several chunks, blind-signed', async () => {
    const tx: TransactionSerializable = {
      type: 'eip1559',
      chainId: 1,
      nonce: 1,
      maxFeePerGas: 10n,
      maxPriorityFeePerGas: 1n,
      gas: 100000n,
      to,
      data: `0x12345678${'ab'.repeat(700)}`,
    }
    const { signed, emulator } = await signWithLedger(tx, true)
    expect(signed).toBe(await account.signTransaction(tx))
    expect(emulator.exchanges.length).toBe(3)
    expect(emulator.reviews[0]?.screens).toContainEqual({
      title: 'Blind signing',
      value: 'This transaction cannot be clear-signed',
    })
  })

  test('a legacy transaction whose chunks end next to v, r, s', async () => {
    // hw-app-eth shortens chunks so none ends right before v/r/s (safeChunkTransaction).
    const tx: TransactionSerializable = {
      type: 'legacy',
      chainId: 1,
      nonce: 0,
      gasPrice: 1n,
      gas: 100000n,
      to,
      data: `0x${'cd'.repeat(221)}`,
    }
    expect((await signWithLedger(tx, true)).signed).toBe(await account.signTransaction(tx))
  })
})

describe('SIGN ETH TRANSACTION over raw APDUs', () => {
  test('EIP-7702 (type 4), which hw-app-eth 7.9.0 cannot parse', async () => {
    const authorization = await account.signAuthorization!({
      contractAddress: '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9',
      chainId: 1,
      nonce: 1,
    })
    const tx: TransactionSerializable = {
      type: 'eip7702',
      chainId: 1,
      nonce: 0,
      maxFeePerGas: parseGwei('3'),
      maxPriorityFeePerGas: parseGwei('1'),
      gas: 80000n,
      to: account.address,
      authorizationList: [authorization],
    }
    const emulator = createLedgerEmulator()
    await expect(
      createEth(emulator).signTransaction(path, serializeTransaction(tx).slice(2), null),
    ).rejects.toThrow()
    const unsigned = serializeTransaction(tx)
    const response = await sendTransaction(emulator, path, Buffer.from(unsigned.slice(2), 'hex'))
    const yParity = response[0]!
    const r = `0x${response.subarray(1, 33).toString('hex')}` as Hex
    const s = `0x${response.subarray(33, 65).toString('hex')}` as Hex
    expect(yParity).toBeLessThan(2)
    expect(serializeTransaction(tx, { r, s, yParity })).toBe(await account.signTransaction(tx))
    expect(emulator.reviews.at(-1)?.screens).toContainEqual({
      title: 'Authorization',
      value: '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9 on Ethereum, nonce 1',
    })
  })

  test('EIP-7702 (type 4) on app 1.16.0 answers 0x6501 (type 4 arrived in 1.17.0)', async () => {
    const authorization = await account.signAuthorization!({
      contractAddress: '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9',
      chainId: 1,
      nonce: 1,
    })
    const unsigned = serializeTransaction({
      type: 'eip7702',
      chainId: 1,
      nonce: 0,
      maxFeePerGas: parseGwei('3'),
      maxPriorityFeePerGas: parseGwei('1'),
      gas: 80000n,
      to: account.address,
      authorizationList: [authorization],
    })
    const emulator = createLedgerEmulator({ app: { name: 'Ethereum', version: '1.16.0' } })
    await expect(
      sendTransaction(emulator, path, Buffer.from(unsigned.slice(2), 'hex')),
    ).rejects.toMatchObject({ statusCode: 0x6501 })
    expect(emulator.reviews).toEqual([])
  })

  test('a blob transaction (type 3) answers 0x6501', async () => {
    const emulator = createLedgerEmulator()
    const payload = Buffer.from('03c0', 'hex')
    await expect(sendTransaction(emulator, path, payload)).rejects.toMatchObject({
      statusCode: 0x6501,
    })
  })

  test('signs keccak256 of exactly the bytes it received', async () => {
    const emulator = createLedgerEmulator()
    const unsigned = serializeTransaction({
      type: 'eip1559',
      chainId: 10,
      nonce: 2,
      gas: 21000n,
      to,
      value: 5n,
      maxFeePerGas: 2n,
      maxPriorityFeePerGas: 1n,
    })
    const response = await sendTransaction(emulator, path, Buffer.from(unsigned.slice(2), 'hex'))
    const signer = await recoverAddress({
      hash: keccak256(hexToBytes(unsigned)),
      signature: {
        r: `0x${response.subarray(1, 33).toString('hex')}`,
        s: `0x${response.subarray(33, 65).toString('hex')}`,
        yParity: response[0]!,
      },
    })
    expect(signer).toBe(account.address)
  })
})

describe('blind signing and clear signing', () => {
  const transfer = {
    type: 'eip1559',
    chainId: 1,
    nonce: 0,
    maxFeePerGas: 1n,
    maxPriorityFeePerGas: 1n,
    gas: 60000n,
    to: '0xdAC17F958D2ee523a2206206994597C13D831ec7',
    data: `0xa9059cbb000000000000000000000000${to.slice(2).toLowerCase()}00000000000000000000000000000000000000000000000000000000001e8480`,
  } as const satisfies TransactionSerializable

  test('contract data with blind signing off answers 0x6a80 (EthAppPleaseEnableContractData)', async () => {
    const emulator = createLedgerEmulator()
    const error = await createEth(emulator)
      .signTransaction(path, serializeTransaction(transfer).slice(2), null)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'EthAppPleaseEnableContractData' })
    expect(emulator.reviews.at(-1)?.outcome).toBe('rejected')
  })

  test('ERC-20 token information makes a transfer clear-signed', async () => {
    const emulator = createLedgerEmulator()
    const eth = createEth(emulator)
    // USDT descriptor as PROVIDE ERC 20 TOKEN INFORMATION carries it (from hw-app-eth's tests).
    const usdt =
      '0455534454dac17f958d2ee523a2206206994597c13d831ec700000006000000013044022078c66ccea3e4dedb15a24ec3c783d7b582cd260daf62fd36afe9a8212a344aed0220160ba8c1c4b6a8aa6565bed20632a091aeeeb7bfdac67fc6589a6031acbf511c'
    const resolution = {
      erc20Tokens: [usdt],
      nfts: [],
      externalPlugin: [],
      plugin: [],
      domains: [],
    }
    const { v, r, s } = await eth.signTransaction(
      path,
      serializeTransaction(transfer).slice(2),
      resolution,
    )
    const signed = serializeTransaction(transfer, {
      r: `0x${r}`,
      s: `0x${s}`,
      yParity: Number(`0x${v}`),
    })
    expect(signed).toBe(await account.signTransaction(transfer))
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'From', value: account.address },
      { title: 'Send', value: '2 USDT' },
      { title: 'To', value: to },
      { title: 'Max fees', value: '0.00000000000006 ETH' },
    ])
  })

  test('a rejected transaction answers 0x6985', async () => {
    const emulator = createLedgerEmulator({ user: 'reject' })
    const tx = serializeTransaction({
      type: 'eip1559',
      chainId: 1,
      gas: 21000n,
      to,
      maxFeePerGas: 1n,
      maxPriorityFeePerGas: 1n,
    })
    await expect(
      createEth(emulator).signTransaction(path, tx.slice(2), null),
    ).rejects.toMatchObject({
      statusCode: 0x6985,
    })
  })
})
