import { Buffer } from 'buffer'
import { hashDomain, hashStruct, serializeSignature, type TypedDataDefinition } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../../../common/testMnemonic.js'
import { createEth, denyNetwork } from '../../_test/testUtils.js'
import { createLedgerEmulator } from '../../createLedgerEmulator.js'

beforeEach(denyNetwork)

const path = "44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)

const mail = {
  domain: {
    name: 'Ether Mail',
    version: '1',
    chainId: 1,
    verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC',
  },
  types: {
    EIP712Domain: [
      { name: 'name', type: 'string' },
      { name: 'version', type: 'string' },
      { name: 'chainId', type: 'uint256' },
      { name: 'verifyingContract', type: 'address' },
    ],
    Person: [
      { name: 'name', type: 'string' },
      { name: 'wallets', type: 'address[]' },
    ],
    Mail: [
      { name: 'from', type: 'Person' },
      { name: 'to', type: 'Person[]' },
      { name: 'contents', type: 'string' },
      { name: 'grid', type: 'int16[2][]' },
      { name: 'tag', type: 'bytes4' },
      { name: 'blob', type: 'bytes' },
      { name: 'urgent', type: 'bool' },
    ],
  },
  primaryType: 'Mail',
  message: {
    from: { name: 'Cow', wallets: ['0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826'] },
    to: [
      {
        name: 'Bob',
        wallets: [
          '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB',
          '0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57',
        ],
      },
      { name: 'Alice', wallets: [] },
    ],
    contents: 'Hello, Bob!',
    grid: [
      [1, -2],
      [-32768, 32767],
      [128, 0],
    ],
    tag: '0xdeadbeef',
    blob: '0x0102',
    urgent: true,
  },
} as const

const domainSeparator = hashDomain({ domain: mail.domain as never, types: mail.types as never })
const messageHash = hashStruct({
  data: mail.message as never,
  primaryType: 'Mail' as never,
  types: mail.types as never,
})

describe('EIP-712 full mode (signEIP712Message)', () => {
  test('nested structs, arrays of structs, nested arrays, negative ints', async () => {
    const emulator = createLedgerEmulator({ verboseEip712: true })
    const { v, r, s } = await createEth(emulator).signEIP712Message(path, mail as never)
    const signature = serializeSignature({ r: `0x${r}`, s: `0x${s}`, v: BigInt(v) })
    expect(signature).toBe(await account.signTypedData(mail as unknown as TypedDataDefinition))
    const screens = emulator.reviews.at(-1)!.screens
    expect(screens.slice(0, 6)).toEqual([
      { title: 'Blind signing', value: 'This message cannot be clear-signed' },
      { title: 'Review struct', value: 'EIP712Domain' },
      { title: 'name', value: 'Ether Mail' },
      { title: 'version', value: '1' },
      { title: 'chainId', value: '1' },
      { title: 'verifyingContract', value: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
    ])
    expect(screens).toContainEqual({ title: 'contents', value: 'Hello, Bob!' })
    expect(screens).toContainEqual({ title: 'grid', value: '-32768' })
  })

  test('computes the hash from what it received, not from what the host claims', async () => {
    const emulator = createLedgerEmulator({ blindSigning: true })
    const eth = createEth(emulator)
    const tampered = { ...mail, message: { ...mail.message, contents: 'Hello, Eve!' } }
    const { r } = await eth.signEIP712Message(path, tampered as never)
    const honest = await account.signTypedData(mail as unknown as TypedDataDefinition)
    expect(`0x${r}`).not.toBe(honest.slice(0, 66))
  })

  test('a Nano S answers the full-mode APDUs with 0x6d00', async () => {
    const emulator = createLedgerEmulator({ model: 'nanoS' })
    await expect(createEth(emulator).signEIP712Message(path, mail as never)).rejects.toMatchObject({
      statusCode: 0x6d00,
    })
  })

  test('refuses to sign without typed data (0x6980) or before the message is complete (0x6a80)', async () => {
    const emulator = createLedgerEmulator({ blindSigning: true })
    const sign = () =>
      emulator.transport.send(
        0xe0,
        0x0c,
        0x00,
        0x01,
        Buffer.from('058000002c8000003c800000000000000000000000', 'hex'),
      )
    await expect(sign()).rejects.toMatchObject({ statusCode: 0x6980 })
    await emulator.transport.send(0xe0, 0x1a, 0x00, 0x00, Buffer.from('EIP712Domain'))
    await expect(sign()).rejects.toMatchObject({ statusCode: 0x6a80 })
  })
})

describe('EIP-712 hashed mode (signEIP712HashedMessage)', () => {
  test('signs with blind signing on, on a Nano S too', async () => {
    for (const model of ['nanoS', 'stax'] as const) {
      const emulator = createLedgerEmulator({ model, blindSigning: true })
      const { v, r, s } = await createEth(emulator).signEIP712HashedMessage(
        path,
        domainSeparator.slice(2),
        messageHash.slice(2),
      )
      const signature = serializeSignature({ r: `0x${r}`, s: `0x${s}`, v: BigInt(v) })
      expect(signature).toBe(await account.signTypedData(mail as unknown as TypedDataDefinition))
      expect(emulator.reviews.at(-1)?.screens).toContainEqual({
        title: 'Message hash',
        value: messageHash,
      })
    }
  })

  test('answers 0x6a80 while blind signing is off', async () => {
    const emulator = createLedgerEmulator()
    await expect(
      createEth(emulator).signEIP712HashedMessage(
        path,
        domainSeparator.slice(2),
        messageHash.slice(2),
      ),
    ).rejects.toMatchObject({ statusCode: 0x6a80 })
  })
})

describe('upstream: hw-app-eth 7.9.0 drops the last byte of a 254-byte field value', () => {
  // sendStructImplem slices `ceil(length / 256)` chunks of 255 bytes: a 256-byte
  // `length (2) || value` loses its last byte, and the device refuses the short value.
  test('the emulator answers 0x6a80 like the app', async () => {
    const emulator = createLedgerEmulator({ blindSigning: true })
    const long = { ...mail, message: { ...mail.message, contents: 'x'.repeat(254) } }
    await expect(createEth(emulator).signEIP712Message(path, long as never)).rejects.toMatchObject({
      statusCode: 0x6a80,
    })
    const short = { ...mail, message: { ...mail.message, contents: 'x'.repeat(253) } }
    const { r } = await createEth(emulator).signEIP712Message(path, short as never)
    expect(r).toHaveLength(64)
  })
})

describe('unfiltered full EIP-712 under app 1.22.0 policies', () => {
  const sign = (emulator: ReturnType<typeof createLedgerEmulator>) =>
    createEth(emulator).signEIP712Message(path, mail as never)
  const refusal = { title: 'Blind signing', value: 'Enable blind signing in Settings' }

  test('Nano: refused (0x6a80) at the first domain field when both settings are off', async () => {
    const emulator = createLedgerEmulator()
    await expect(sign(emulator)).rejects.toMatchObject({ statusCode: 0x6a80 })
    const last = emulator.exchanges.at(-1)!
    expect([last.request.slice(0, 8), last.response]).toEqual(['e01c00ff', '6a80'])
    expect(emulator.exchanges.at(-2)?.request.slice(0, 8)).toBe('e01c0000')
    expect(emulator.reviews.at(-1)).toEqual({
      operation: 'typed-data',
      outcome: 'rejected',
      screens: [refusal],
    })
  })

  test('Stax and Flex: refused at the domain root, where they open "Review struct"', async () => {
    const emulator = createLedgerEmulator({ model: 'flex' })
    await expect(sign(emulator)).rejects.toMatchObject({ statusCode: 0x6a80 })
    expect(emulator.exchanges.at(-1)?.request.slice(0, 8)).toBe('e01c0000')
  })

  test('Nano with blind signing: the warning, the domain, the message hash', async () => {
    const emulator = createLedgerEmulator({ blindSigning: true })
    await sign(emulator)
    expect(emulator.reviews.at(-1)?.screens).toEqual([
      { title: 'Blind signing', value: 'This message cannot be clear-signed' },
      { title: 'name', value: 'Ether Mail' },
      { title: 'version', value: '1' },
      { title: 'chainId', value: '1' },
      { title: 'verifyingContract', value: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
      { title: 'Message hash', value: messageHash },
    ])
  })

  test('Stax with blind signing: the warning, then every struct and field', async () => {
    const emulator = createLedgerEmulator({ model: 'stax', blindSigning: true })
    await sign(emulator)
    const screens = emulator.reviews.at(-1)!.screens
    expect(screens.slice(0, 2)).toEqual([
      { title: 'Blind signing', value: 'This message cannot be clear-signed' },
      { title: 'Review struct', value: 'EIP712Domain' },
    ])
    expect(screens).toContainEqual({ title: 'Review struct', value: 'Mail' })
    expect(screens).toContainEqual({ title: 'contents', value: 'Hello, Bob!' })
  })

  test('verbose EIP-712, set with the control, signs with blind signing off', async () => {
    const emulator = createLedgerEmulator()
    emulator.setVerboseEip712(true)
    const { r } = await sign(emulator)
    expect(r).toHaveLength(64)
    expect(emulator.reviews.at(-1)?.screens).toContainEqual({ title: 'urgent', value: 'true' })
  })

  test('before app 1.12.0 neither setting was needed, hashed mode included', async () => {
    const emulator = createLedgerEmulator({ app: { name: 'Ethereum', version: '1.11.1' } })
    await sign(emulator)
    const { r } = await createEth(emulator).signEIP712HashedMessage(
      path,
      domainSeparator.slice(2),
      messageHash.slice(2),
    )
    expect(r).toHaveLength(64)
  })
})
