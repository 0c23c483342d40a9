import Eth from '@ledgerhq/hw-app-eth'
import type Transport from '@ledgerhq/hw-transport'
import { sha224 } from '@noble/hashes/sha2'
import { Buffer } from 'buffer'
import {
  bytesToHex,
  concat,
  type Hex,
  maxUint256,
  numberToHex,
  recoverTypedDataAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import {
  erc20Payloads,
  staticEip712SignaturesV2,
  staticErc20Signatures,
  usdc,
} from '../../_test/calFixtures.js'
import { denyNetwork } from '../../_test/testUtils.js'
import { calPublicKeyOf, signCalPayload } from '../../cal/calKey.js'
import { createLedgerEmulator, type LedgerEmulator } from '../../createLedgerEmulator.js'
import type { LedgerEmulatorOptions } from '../../types.js'

beforeEach(denyNetwork)

const path = "44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)
const spender = '0x111111125421cA6dc452d289314280a0f8842A65'
const permit2 = '0x000000000022D473030F116dDEE9F6B43aC78BA3'
const deadline = 1_718_000_000 // 2024-06-10 06:13:20 UTC

const usdcPermit = {
  domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Permit: [
      { name: 'owner', type: 'address' },
      { name: 'spender', type: 'address' },
      { name: 'value', type: 'uint256' },
      { name: 'nonce', type: 'uint256' },
      { name: 'deadline', type: 'uint256' },
    ],
  },
  primaryType: 'Permit',
  message: { owner: account.address, spender, value: '2500000', nonce: 0, deadline },
} as const

const permitSingle = {
  domain: { name: 'Permit2', chainId: 1, verifyingContract: permit2 },
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    PermitDetails: [
      { name: 'token', type: 'address' },
      { name: 'amount', type: 'uint160' },
      { name: 'expiration', type: 'uint48' },
      { name: 'nonce', type: 'uint48' },
    ],
    PermitSingle: [
      { name: 'details', type: 'PermitDetails' },
      { name: 'spender', type: 'address' },
      { name: 'sigDeadline', type: 'uint256' },
    ],
  },
  primaryType: 'PermitSingle',
  message: {
    details: {
      token: usdc,
      amount: '1000000000',
      expiration: deadline,
      nonce: 3,
    },
    spender,
    sigDeadline: deadline,
  },
} as const

type TypedMessage = typeof usdcPermit | typeof permitSingle | Record<string, unknown>

/**
 * hw-app-eth 7.9 with every service off and the real CAL entries as its static fallbacks.
 *
 * Works around an hw-app-eth 7.9 bug: for an amount filter with coin_ref 255 (the domain's
 * verifyingContract, an EIP-2612 permit) it looks the token up without its loadConfig
 * (EIP712/index.ts `byContractAddressAndChainId(token, chainId, erc20SignaturesBlob)`), so the
 * static ERC-20 signatures are ignored and the token never reaches the device. The wrapper sends
 * that descriptor right before the filter, where hw-app-eth would have.
 */
function ethWithCal(
  emulator: LedgerEmulator,
  options: {
    eip712?: Record<string, unknown>
    filter?: (apdu: { p1: number; p2: number; data: Buffer }) => 'send' | 'drop'
  } = {},
) {
  const transport = Object.create(emulator.transport) as Transport
  const payloads = erc20Payloads()
  transport.send = async (cla, ins, p1, p2, data = Buffer.alloc(0), statusList) => {
    if (ins === 0x1e && (options.filter?.({ p1, p2, data }) ?? 'send') === 'drop') {
      return Buffer.from([0x90, 0x00])
    }
    if (ins === 0x1e && p2 === 0xfe && data[data[0]! + 1] === 0xff) {
      const token = payloads[`1:${usdc.toLowerCase()}`]!
      await emulator.transport.send(0xe0, 0x0a, 0x00, 0x00, token)
    }
    return emulator.transport.send(cla, ins, p1, p2, data, statusList)
  }
  return new Eth(transport, 'w0w', {
    nftExplorerBaseURL: null,
    pluginBaseURL: null,
    extraPlugins: null,
    cryptoassetsBaseURL: null,
    calServiceURL: null,
    staticERC20Signatures: staticErc20Signatures as never,
    staticEIP712SignaturesV2: options.eip712 ?? staticEip712SignaturesV2,
  })
}

async function signTyped(eth: Eth, message: TypedMessage) {
  const { v, r, s } = await eth.signEIP712Message(path, message as never)
  const signature = concat([`0x${r}`, `0x${s}`, numberToHex(v, { size: 1 })])
  const signer = await recoverTypedDataAddress({
    ...(message as Record<string, unknown>),
    signature,
  } as never)
  return { signature, signer }
}

describe('filtered with the real CAL filters (production key)', () => {
  test('USDC EIP-2612 permit: the filter labels, the amount in USDC, the date', async () => {
    const emulator = createLedgerEmulator()
    const { signer } = await signTyped(ethWithCal(emulator), usdcPermit)
    expect(signer).toBe(account.address)
    expect(emulator.reviews.at(-1)).toEqual({
      operation: 'typed-data',
      outcome: 'approved',
      screens: [
        { title: 'Contract', value: 'Permit USDC transfers' },
        { title: 'From', value: account.address },
        { title: 'Approve to spender', value: spender },
        { title: 'Amount allowance', value: '2.5 USDC' },
        { title: 'Approval expire', value: '2024-06-10\n06:13:20 AM UTC' },
      ],
    })
  })

  test('Permit2 PermitSingle: the token joined to its amount, then expiry and spender', async () => {
    const emulator = createLedgerEmulator({ model: 'stax' })
    const { signer } = await signTyped(ethWithCal(emulator), permitSingle)
    expect(signer).toBe(account.address)
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'Contract', value: 'Permit2' },
      { title: 'Amount allowance', value: '1000 USDC' },
      { title: 'Approval expire', value: '2024-06-10\n06:13:20 AM UTC' },
      { title: 'Approve to spender', value: spender },
    ])
  })

  test('an unlimited allowance shows as "Unlimited USDC"', async () => {
    const emulator = createLedgerEmulator()
    const unlimited = {
      ...usdcPermit,
      message: { ...usdcPermit.message, value: maxUint256.toString() },
    }
    await signTyped(ethWithCal(emulator), unlimited)
    expect(emulator.reviews.at(-1)?.screens[3]).toEqual({
      title: 'Amount allowance',
      value: 'Unlimited USDC',
    })
  })

  test('filters keyed for another chain are refused: their signatures cover chain 1', async () => {
    const key = Object.keys(staticEip712SignaturesV2)[0]!
    // Same filters keyed for Polygon: the signatures cover chain 1, so the device refuses them.
    const eip712 = { [key.replace(/^1:/, '137:')]: Object.values(staticEip712SignaturesV2)[0] }
    const emulator = createLedgerEmulator()
    const polygon = { ...usdcPermit, domain: { ...usdcPermit.domain, chainId: 137 } }
    await expect(signTyped(ethWithCal(emulator, { eip712 }), polygon)).rejects.toMatchObject({
      statusCode: 0x6a00,
    })
  })

  test('a filter whose label was altered is refused with 0x6a00 at that filter', async () => {
    const [key, entry] = Object.entries(staticEip712SignaturesV2)[0]! as [string, any]
    const fields = entry.fields.map((f: { label: string }) =>
      f.label === 'Approve to spender' ? { ...f, label: 'Trusted contract' } : f,
    )
    const emulator = createLedgerEmulator()
    await expect(
      signTyped(ethWithCal(emulator, { eip712: { [key]: { ...entry, fields } } }), usdcPermit),
    ).rejects.toMatchObject({ statusCode: 0x6a00 })
    const refused = emulator.exchanges.at(-1)!
    expect(refused.request.slice(0, 8)).toBe('e01e00ff')
    expect(Buffer.from(refused.request.slice(12), 'hex').toString('latin1')).toContain('Trusted')
    expect(refused.response).toBe('6a00')
  })

  test('filtering activated but no message info: 0x6a88 at SIGN (1.22.0); 1.21.0 signed', async () => {
    const dropInfo = ({ p2 }: { p2: number }) => (p2 === 0x00 ? 'send' : 'drop')
    const emulator = createLedgerEmulator()
    await expect(
      signTyped(ethWithCal(emulator, { filter: dropInfo }), usdcPermit),
    ).rejects.toMatchObject({ statusCode: 0x6a88 })
    expect(emulator.exchanges.at(-1)?.request.slice(0, 8)).toBe('e00c0001')
    const older = createLedgerEmulator({ app: { name: 'Ethereum', version: '1.21.0' } })
    const { signer } = await signTyped(ethWithCal(older, { filter: dropInfo }), usdcPermit)
    expect(signer).toBe(account.address)
    expect(older.reviews.at(-1)?.screens).toEqual([])
  })

  test('an announced filter missing at SIGN: 0x6a88', async () => {
    const emulator = createLedgerEmulator()
    const dropDatetime = ({ p2 }: { p2: number }) => (p2 === 0xfc ? 'drop' : 'send')
    await expect(
      signTyped(ethWithCal(emulator, { filter: dropDatetime }), usdcPermit),
    ).rejects.toMatchObject({ statusCode: 0x6a88 })
  })

  test('with verbose EIP-712 on, filters are ignored: every field, the blind-signing warning', async () => {
    const emulator = createLedgerEmulator({ verboseEip712: true })
    await signTyped(ethWithCal(emulator), usdcPermit)
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'Blind signing', value: 'This message cannot be clear-signed' },
      { title: 'Review struct', value: 'EIP712Domain' },
      { title: 'name', value: 'USD Coin' },
      { title: 'version', value: '2' },
      { title: 'chainId', value: '1' },
      { title: 'verifyingContract', value: usdc },
      { title: 'Review struct', value: 'Permit' },
      { title: 'owner', value: account.address },
      { title: 'spender', value: spender },
      { title: 'value', value: '2500000' },
      { title: 'nonce', value: '0' },
      { title: 'deadline', value: String(deadline) },
    ])
  })
})

describe('filters signed with a test key (calPublicKey)', () => {
  const testKey = '0x5151515151515151515151515151515151515151515151515151515151515151'
  const mail = {
    domain: { name: 'Mail', chainId: 10, verifyingContract: spender },
    types: {
      EIP712Domain: [
        { name: 'name', type: 'string' },
        { name: 'chainId', type: 'uint256' },
        { name: 'verifyingContract', type: 'address' },
      ],
      Mail: [
        { name: 'to', type: 'address' },
        { name: 'contents', type: 'string' },
        { name: 'sent', type: 'uint64' },
      ],
    },
    primaryType: 'Mail',
    message: { to: account.address, contents: 'Hello', sent: 0 },
  }
  // What CAL signs, rebuilt independently of the emulator: the schema hash is evm-tools' SHA-224 of
  // the alphabetically sorted types JSON.
  const schemaHash = bytesToHex(sha224(new TextEncoder().encode(JSON.stringify(mail.types))))
  const prefix = (magic: number) =>
    concat([numberToHex(magic, { size: 1 }), numberToHex(10, { size: 8 }), spender, schemaHash])
  const text = (value: string) => bytesToHex(new TextEncoder().encode(value))
  const sign = (payload: Hex) => signCalPayload(testKey, payload).slice(2)
  const entry = {
    contractName: {
      label: 'Mailer',
      signature: sign(concat([prefix(183), '0x02', text('Mailer')])),
    },
    fields: [
      {
        format: 'raw',
        label: 'Recipient',
        path: 'to',
        signature: sign(concat([prefix(72), text('to'), text('Recipient')])),
      },
      {
        format: 'datetime',
        label: 'Sent',
        path: 'sent',
        signature: sign(concat([prefix(33), text('sent'), text('Sent')])),
      },
    ],
  }
  const eip712 = { [`10:${spender.toLowerCase()}:${schemaHash.slice(2)}`]: entry }

  test('accepted with the test key; the review shows the filtered fields only', async () => {
    const options: LedgerEmulatorOptions = { calPublicKey: calPublicKeyOf(testKey) }
    const emulator = createLedgerEmulator(options)
    const { signer } = await signTyped(ethWithCal(emulator, { eip712 }), mail)
    expect(signer).toBe(account.address)
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'Contract', value: 'Mailer' },
      { title: 'Network', value: 'OP Mainnet' },
      { title: 'Recipient', value: account.address },
      { title: 'Sent', value: '1970-01-01\n12:00:00 AM UTC' },
    ])
  })

  test('refused by the production key, at the message info', async () => {
    const emulator = createLedgerEmulator()
    await expect(signTyped(ethWithCal(emulator, { eip712 }), mail)).rejects.toMatchObject({
      statusCode: 0x6a00,
    })
    expect(emulator.exchanges.at(-1)?.request.slice(0, 8)).toBe('e01e000f')
  })
})
