import {
  BlindSigningRefusedError,
  type DeviceStatus,
  discoverAccounts,
  type HardwareAccount,
  toHardwareAccount,
} from '@airlock/core'
import {
  createLedgerEmulator,
  type EmulatorFault,
  type LedgerEmulator,
  type LedgerEmulatorOptions,
  testMnemonic,
} from '@airlock/emulator'
import {
  message as messageArbitrary,
  transaction as transactionArbitrary,
  typedData as typedDataArbitrary,
} from '@airlock/fixtures/arbitraries'
import fc from 'fast-check'
import {
  type Address,
  formatEther,
  getAddress,
  type Hex,
  parseEther,
  type TransactionSerializable,
  toHex,
  zeroAddress,
} from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { describe, expect, test } from 'vitest'
import { StrictTransport } from './_test/StrictTransport.js'
import { type CreateLedgerSignerOptions, createLedgerSigner } from './createLedgerSigner.js'
import { toLedgerAccount } from './toLedgerAccount.js'

const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic)
const recipient: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const simple7702Account = '0x4Cd241E8d1510e30b2076397afc7508Ae59C66c9'

function setup(
  options: LedgerEmulatorOptions = {},
  signerOptions: Omit<CreateLedgerSignerOptions, 'transport'> = {},
) {
  const emulator = createLedgerEmulator(options)
  const signer = createLedgerSigner({ transport: emulator.transport, ...signerOptions })
  const statuses: DeviceStatus[] = []
  signer.onStatus((status) => statuses.push(status))
  return { emulator, signer, statuses }
}

async function setupAccount(options: LedgerEmulatorOptions = {}) {
  const context = setup(options)
  const account = await toHardwareAccount(context.signer, { path })
  return { ...context, account }
}

const transfer = {
  chainId: 10,
  maxFeePerGas: 2n,
  maxPriorityFeePerGas: 1n,
  gas: 21_000n,
  nonce: 0,
  to: recipient,
  value: parseEther('1.5'),
} as const satisfies TransactionSerializable

/** Up to 10 KB of calldata replaces the arbitrary's own. */
const transactionWithCalldata = fc
  .tuple(
    transactionArbitrary,
    fc.option(fc.uint8Array({ maxLength: 10_240, size: 'max' }), { nil: undefined, freq: 3 }),
  )
  .map(([transaction, data]) =>
    data ? ({ ...transaction, data: toHex(data) } as TransactionSerializable) : transaction,
  )

const knownNetworks: Record<string, string> = { '1': 'Ethereum', '10': 'OP Mainnet' }

describe('toLedgerAccount', () => {
  test('is the account viem derives from the same mnemonic', async () => {
    const emulator = createLedgerEmulator()
    const account = await toLedgerAccount({ transport: emulator.transport, path })
    expect(account.source).toBe('ledger')
    expect(account.address).toBe(reference.address)
    expect(account.publicKey).toBe(reference.publicKey)
    const byScheme = await toLedgerAccount({
      transport: emulator.transport,
      index: 2,
      scheme: 'ledgerLive',
    })
    expect(byScheme.address).toBe(mnemonicToAccount(testMnemonic, { accountIndex: 2 }).address)
  })

  test('transactions of all four types, chain ids up to 2^40, up to 10 KB of calldata: byte-identical to viem; the screens show recipient, amount and chain', async () => {
    const emulator = createLedgerEmulator({ blindSigning: true })
    const account = await toLedgerAccount({ transport: emulator.transport, path })
    await fc.assert(
      fc.asyncProperty(transactionWithCalldata, async (transaction) => {
        expect(await account.signTransaction(transaction)).toBe(
          await reference.signTransaction(transaction),
        )
        const review = emulator.reviews.at(-1)!
        const screen = (title: string) => review.screens.find((s) => s.title === title)?.value
        expect(review).toMatchObject({ operation: 'transaction', outcome: 'approved' })
        expect(screen('To')).toBe(transaction.to ? getAddress(transaction.to) : 'Contract creation')
        expect(screen('Amount')).toMatch(new RegExp(`^${formatEther(transaction.value ?? 0n)} `))
        const chainId = String(transaction.chainId)
        if (!['56', '100', '137', '8453', '17000', '42161', '43114', '11155111'].includes(chainId))
          expect(screen('Network')).toBe(knownNetworks[chainId] ?? `Chain ID ${chainId}`)
      }),
      { numRuns: 40 },
    )
  })

  test('legacy transactions on the chain ids where v overflows a byte or a u32', async () => {
    const { account } = await setupAccount()
    for (const chainId of [1, 109, 110, 127, 128, 2 ** 31, 2 ** 32 - 1, 2 ** 32 + 5, 2 ** 40 + 3]) {
      const transaction = {
        chainId,
        gasPrice: 1n,
        gas: 21_000n,
        nonce: 1,
        to: recipient,
        value: 1n,
      }
      expect(await account.signTransaction(transaction)).toBe(
        await reference.signTransaction(transaction),
      )
    }
  })

  test('the review matches the transaction: recipient, amount, chain', async () => {
    const { account, emulator } = await setupAccount()
    await account.signTransaction(transfer)
    expect(emulator.reviews.at(-1)).toMatchInlineSnapshot(`
      {
        "operation": "transaction",
        "outcome": "approved",
        "screens": [
          {
            "title": "Type",
            "value": "EIP-1559",
          },
          {
            "title": "Amount",
            "value": "1.5 ETH",
          },
          {
            "title": "To",
            "value": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
          },
          {
            "title": "Network",
            "value": "OP Mainnet",
          },
          {
            "title": "Max fees",
            "value": "0.000000000000042 ETH",
          },
        ],
      }
    `)
  })

  test('messages: strings and raw bytes of any length, empty included', async () => {
    const { account } = await setupAccount()
    await fc.assert(
      fc.asyncProperty(messageArbitrary, async (message) => {
        expect(await account.signMessage({ message })).toBe(
          await reference.signMessage({ message }),
        )
      }),
      { numRuns: 30 },
    )
    for (const message of ['', { raw: '0x' as Hex }, { raw: new Uint8Array(10_240).fill(7) }])
      expect(await account.signMessage({ message })).toBe(await reference.signMessage({ message }))
  })

  test('typed data: nested structs, arrays, every atomic type, long strings and bytes', async () => {
    const { account, signer } = await setupAccount({ blindSigning: true })
    const modes = new Set<string>()
    await fc.assert(
      fc.asyncProperty(typedDataArbitrary, async (typedData) => {
        expect(await account.signTypedData(typedData)).toBe(
          await reference.signTypedData(typedData),
        )
        modes.add(signer.typedDataMode!.mode)
      }),
      { numRuns: 25 },
    )
    expect(modes.has('full')).toBe(true)
  })

  test('EIP-7702: authorizations (and revocations) like viem; type-4 transactions', async () => {
    const { account, emulator } = await setupAccount({ eip7702: true })
    for (const request of [
      { contractAddress: simple7702Account, chainId: 1, nonce: 7 },
      { contractAddress: simple7702Account, chainId: 0, nonce: 0 },
      { contractAddress: zeroAddress, chainId: 8453, nonce: 2 ** 40 },
    ] as const)
      expect(await account.signAuthorization!(request)).toEqual(
        await reference.signAuthorization!(request),
      )
    expect(emulator.reviews.at(-1)?.screens[1]).toEqual({
      title: 'Revoke delegation',
      value: 'Remove the account delegation',
    })
    const authorization = await account.signAuthorization!({
      contractAddress: simple7702Account,
      chainId: 1,
      nonce: 1,
    })
    const transaction = { ...transfer, chainId: 1, authorizationList: [authorization] }
    expect(await account.signTransaction(transaction)).toBe(
      await reference.signTransaction(transaction),
    )
  })
})

describe('typed data modes', () => {
  const mail = {
    domain: { name: 'Mail', version: '1', chainId: 1, verifyingContract: recipient },
    types: { Mail: [{ name: 'contents', type: 'string' }] },
    primaryType: 'Mail',
    message: { contents: 'Hello, Bob!' },
  } as const

  // App 1.12.0+ refuses unfiltered typed data unless blind signing or verbose EIP-712 is on
  // (app-ethereum ui_logic.c "Both settings not enabled => Error"); verbose shows every field.
  test('full: with verbose EIP-712 the device shows every field; no blind signing needed', async () => {
    const { account, signer, emulator } = await setupAccount({ verboseEip712: true })
    expect((await signer.getCapabilities()).signTypedData).toBe('full')
    expect(await account.signTypedData(mail)).toBe(await reference.signTypedData(mail))
    expect(signer.typedDataMode).toEqual({ mode: 'full', reason: 'supported' })
    expect(emulator.reviews.at(-1)?.screens).toContainEqual({
      title: 'contents',
      value: 'Hello, Bob!',
    })
  })

  test('Nano S: no full EIP-712, so hashed, chosen from the transport device model', async () => {
    const { account, signer, emulator } = await setupAccount({ model: 'nanoS', blindSigning: true })
    expect(await account.signTypedData(mail)).toBe(await reference.signTypedData(mail))
    expect(signer.typedDataMode).toEqual({
      mode: 'hashed',
      reason: 'the Nano S has no full EIP-712',
    })
    expect((await signer.getCapabilities()).signTypedData).toBe('hashed')
    emulator.clearLogs()
    expect(await account.signTypedData(mail)).toBe(await reference.signTypedData(mail))
    // The app's settings (blind signing) are read for each typed-data request, then hashed mode.
    expect(emulator.exchanges.map((e) => e.request.slice(0, 4))).toEqual(['e006', 'e00c'])
  })

  test('old app: hashed by version', async () => {
    const { account, signer } = await setupAccount({
      app: { name: 'Ethereum', version: '1.9.20' },
      blindSigning: true,
    })
    expect(await account.signTypedData(mail)).toBe(await reference.signTypedData(mail))
    expect(signer.typedDataMode).toEqual({
      mode: 'hashed',
      reason: 'Ethereum app 1.9.20 has no full EIP-712 (1.10.0 or later has)',
    })
  })

  test('a 254-byte string, which hw-app-eth 7.9 truncated, goes in full', async () => {
    const { account, signer } = await setupAccount({ verboseEip712: true })
    const long = { ...mail, message: { contents: 'a'.repeat(254) } }
    expect(await account.signTypedData(long)).toBe(await reference.signTypedData(long))
    expect(signer.typedDataMode).toEqual({ mode: 'full', reason: 'supported' })
  })

  test('long strings and bytes in full mode', async () => {
    const { account, signer } = await setupAccount({ verboseEip712: true })
    const long = {
      domain: { name: 'é'.repeat(300) },
      types: {
        Note: [
          { name: 'text', type: 'string' },
          { name: 'blob', type: 'bytes' },
          { name: 'parts', type: 'bytes[]' },
        ],
      },
      primaryType: 'Note',
      message: {
        text: 'x'.repeat(1_000),
        blob: toHex(new Uint8Array(3_000).fill(0xab)),
        parts: ['0x', toHex(new Uint8Array(255)), toHex(new Uint8Array(257))],
      },
    } as const
    expect(await account.signTypedData(long)).toBe(await reference.signTypedData(long))
    expect(signer.typedDataMode?.mode).toBe('full')
  })

  // Hashed EIP-712 needs blind signing since app 1.12.0; the Nano S's 1.10.4 signs it without.
  test('hashed needs blind signing', async () => {
    const { account } = await setupAccount()
    const long = { ...mail, message: { contents: 'a'.repeat(254) } }
    await expect(account.signTypedData(long)).rejects.toThrowError(
      expect.objectContaining({ name: 'BlindSigningDisabledError' }),
    )
  })
})

describe('device calls', () => {
  test('getCapabilities from GET APP CONFIGURATION', async () => {
    const { signer } = setup({ app: { name: 'Ethereum', version: '1.16.0' } })
    expect(await signer.getCapabilities()).toMatchInlineSnapshot(`
      {
        "displayAddress": true,
        "getExtendedPublicKey": true,
        "model": "nanoX",
        "signAuthorization": false,
        "signMessage": true,
        "signTypedData": "full",
        "transactionTypes": [
          "legacy",
          "eip2930",
          "eip1559",
        ],
        "version": "1.16.0",
      }
    `)
  })

  test('getExtendedPublicKey: public key and chain code in one exchange', async () => {
    const { signer, emulator } = setup()
    const parent = mnemonicToAccount(testMnemonic, { path: "m/44'/60'/0'/0" as never })
    expect(await signer.getExtendedPublicKey({ path: "m/44'/60'/0'/0" })).toEqual({
      publicKey: parent.publicKey,
      chainCode: toHex(parent.getHdKey().chainCode!),
    })
    expect(emulator.exchanges).toHaveLength(1)
  })

  test('discoverAccounts (bip44): one exchange per page', async () => {
    const { signer, emulator } = setup()
    const first = await discoverAccounts(signer, { scheme: 'bip44', limit: 5 })
    expect(emulator.exchanges.map((e) => e.request.slice(0, 4))).toEqual(['e002'])
    for (const offset of [5, 10]) {
      emulator.clearLogs()
      const page = await discoverAccounts(signer, { scheme: 'bip44', offset, limit: 5 })
      expect(emulator.exchanges).toHaveLength(1)
      expect(page.map((a) => a.address)).toEqual(
        page.map((a) => mnemonicToAccount(testMnemonic, { addressIndex: a.index }).address),
      )
    }
    expect(first[4]!.address).toBe(mnemonicToAccount(testMnemonic, { addressIndex: 4 }).address)
  })

  test('verifyAddress shows the address and network on the device', async () => {
    const { account, emulator, statuses } = await setupAccount()
    await account.verifyAddress({ chainId: 10 })
    expect(emulator.reviews.at(-1)).toEqual({
      operation: 'address',
      outcome: 'approved',
      screens: [
        { title: 'Address', value: reference.address },
        { title: 'Network', value: 'OP Mainnet' },
      ],
    })
    expect(statuses.at(-2)).toEqual({
      type: 'confirm-on-device',
      operation: 'getAddress',
      display: 'clear',
      reason: 'the address',
    })
  })

  test('status events: connecting once, then confirm-on-device before each review', async () => {
    const { account, statuses } = await setupAccount()
    await account.signTransaction(transfer)
    await account.signMessage({ message: 'hi' })
    expect(statuses.map((s) => ('operation' in s ? `${s.type} ${s.operation}` : s.type))).toEqual([
      'connecting',
      'done getAddress',
      'confirm-on-device signTransaction',
      'done signTransaction',
      'confirm-on-device signMessage',
      'done signMessage',
    ])
  })

  test("blindSigning: 'refuse' stops a blind request before its signing APDUs, through toLedgerAccount", async () => {
    const emulator = createLedgerEmulator()
    const account = await toLedgerAccount({
      transport: emulator.transport,
      blindSigning: 'refuse',
      path,
    })
    emulator.clearLogs()
    const contractCall = { ...transfer, data: '0xa22cb465' } as const
    const error = await account.signTransaction(contractCall).catch((e: unknown) => e)
    // Passed through the driver's error mapping (toLedgerError) as it is.
    expect(error).toBeInstanceOf(BlindSigningRefusedError)
    expect(error).toMatchObject({ operation: 'signTransaction', rpcCode: 4001 })
    const instructions = () => emulator.exchanges.map((e) => e.request.slice(0, 4))
    expect(instructions()).not.toContain('e004')
    expect(emulator.reviews).toEqual([])
    // A clear request still signs.
    expect(await account.signTransaction(transfer)).toBe(await reference.signTransaction(transfer))
    expect(instructions()).toContain('e004')
  })

  test('concurrent calls queue; none surfaces a transport race', async () => {
    const emulator = createLedgerEmulator({ latency: { perFrame: 1 }, verboseEip712: true })
    const signer = createLedgerSigner({ transport: new StrictTransport(emulator) })
    const account = await toHardwareAccount(signer, { path })
    const results = await Promise.all([
      account.signMessage({ message: 'one' }),
      account.signTransaction(transfer),
      account.signMessage({ message: { raw: new Uint8Array(2_000) } }),
      signer.getAddress({ path: "m/44'/60'/0'/0/1" }),
      account.signTypedData({
        types: { T: [{ name: 'n', type: 'uint256' }] },
        primaryType: 'T',
        message: { n: 1n },
      }),
    ])
    expect(results[0]).toBe(await reference.signMessage({ message: 'one' }))
    expect(results[1]).toBe(await reference.signTransaction(transfer))
    expect(results[3].address).toBe(mnemonicToAccount(testMnemonic, { addressIndex: 1 }).address)
  })
})

describe('errors: every status word and fault maps to its typed error, and the signer recovers', () => {
  type Case = {
    name: string
    options?: LedgerEmulatorOptions
    breakIt: (emulator: LedgerEmulator) => void
    repair?: (emulator: LedgerEmulator) => void | Promise<void>
    call?: (account: HardwareAccount) => Promise<unknown>
    expected: string
    status?: DeviceStatus['type']
  }
  const signTransfer = (account: HardwareAccount) => account.signTransaction(transfer)
  const fault = (f: EmulatorFault) => (emulator: LedgerEmulator) => emulator.injectFault(f)
  const cases: Case[] = [
    {
      name: 'rejected on the device (0x6985)',
      breakIt: (e) => e.setUser('reject'),
      repair: (e) => e.setUser('approve'),
      expected: 'UserRejectedOnDeviceError',
    },
    {
      name: 'locked (0x5515)',
      breakIt: (e) => e.lock(),
      repair: (e) => e.unlock(),
      expected: 'DeviceLockedError',
      status: 'unlock-device',
    },
    {
      name: 'dashboard (0x6e00)',
      breakIt: (e) => e.openApp('dashboard'),
      repair: (e) => e.openApp({ name: 'Ethereum', version: '1.16.0' }),
      expected: 'AppNotOpenError',
      status: 'open-app',
    },
    {
      name: 'another app open',
      breakIt: (e) => e.openApp({ name: 'Bitcoin', version: '2.2.0' }),
      repair: (e) => e.openApp({ name: 'Ethereum', version: '1.16.0' }),
      expected: 'AppNotOpenError',
    },
    {
      name: 'blind signing off, contract data (0x6a80, hw-app-eth EthAppPleaseEnableContractData)',
      breakIt: (e) => e.setBlindSigning(false),
      repair: (e) => e.setBlindSigning(true),
      call: (account) => account.signTransaction({ ...transfer, data: '0xdeadbeef' }),
      expected: 'BlindSigningDisabledError',
    },
    {
      name: 'unplugged mid-transaction',
      breakIt: (e) => e.injectFault({ type: 'unplug', atExchange: 1 }),
      repair: (e) => e.plug(),
      call: (account) =>
        account.signTransaction({ ...transfer, data: toHex(new Uint8Array(1_000)) }),
      expected: 'DeviceDisconnectedError',
    },
    { name: 'busy', breakIt: fault({ type: 'busy' }), expected: 'DeviceBusyError' },
    {
      name: 'locked mid-flow',
      breakIt: (e) => e.injectFault({ type: 'lock', atExchange: 2 }),
      repair: (e) => e.unlock(),
      call: (account) =>
        account.signTransaction({ ...transfer, data: toHex(new Uint8Array(1_000)) }),
      expected: 'DeviceLockedError',
    },
    {
      name: 'app closed mid-flow',
      breakIt: (e) => e.injectFault({ type: 'close-app', atExchange: 1 }),
      repair: (e) => e.openApp({ name: 'Ethereum', version: '1.16.0' }),
      call: (account) => account.signMessage({ message: 'x'.repeat(1_000) }),
      expected: 'AppNotOpenError',
    },
    {
      name: 'corrupt signature',
      breakIt: fault({ type: 'corrupt-signature' }),
      expected: 'SignatureMismatchError',
    },
    {
      name: 'wrong key',
      breakIt: fault({ type: 'wrong-key' }),
      expected: 'SignatureMismatchError',
    },
    {
      name: 'wrong v',
      breakIt: fault({ type: 'wrong-v' }),
      call: (account) => account.signMessage({ message: 'v' }),
      expected: 'SignatureMismatchError',
    },
    {
      name: 'EIP-7702 setting off (0x6980)',
      breakIt: (e) => e.setEip7702(false),
      repair: (e) => e.setEip7702(true),
      call: (account) =>
        account.signAuthorization!({ contractAddress: simple7702Account, chainId: 1, nonce: 0 }),
      expected: 'Eip7702NotAllowedError',
    },
    {
      name: 'delegate not whitelisted (0x6980)',
      breakIt: () => {},
      call: (account) =>
        account.signAuthorization!({ contractAddress: recipient, chainId: 1, nonce: 0 }),
      expected: 'Eip7702NotAllowedError',
    },
    {
      name: 'no EIP-7702 transactions on Nano S (refused by the driver)',
      options: { model: 'nanoS' },
      breakIt: () => {},
      call: (account) =>
        account.signTransaction({
          ...transfer,
          authorizationList: [
            { address: simple7702Account, chainId: 1, nonce: 0, r: '0x01', s: '0x01', yParity: 0 },
          ],
        }),
      expected: 'UnsupportedByDeviceError',
    },
    {
      name: 'no EIP-7702 authorizations on Nano S (refused by the driver)',
      options: { model: 'nanoS' },
      breakIt: () => {},
      call: (account) =>
        account.signAuthorization!({ contractAddress: simple7702Account, chainId: 1, nonce: 0 }),
      expected: 'UnsupportedByDeviceError',
    },
  ]

  test.each(cases)(
    '$name: $expected',
    async ({ options, breakIt, repair, call = signTransfer, expected, status }) => {
      const { account, emulator, statuses } = await setupAccount({
        app: { name: 'Ethereum', version: '1.17.0' },
        blindSigning: true,
        eip7702: true,
        ...options,
      })
      breakIt(emulator)
      await expect(call(account)).rejects.toThrowError(expect.objectContaining({ name: expected }))
      if (status) expect(statuses.map((s) => s.type)).toContain(status)
      await repair?.(emulator)
      expect(await account.signTransaction(transfer)).toBe(
        await reference.signTransaction(transfer),
      )
    },
  )

  test('no answer: the call times out, and the next one works', async () => {
    const { account, emulator, signer } = await setupAccount()
    emulator.injectFault({ type: 'no-answer' })
    await expect(signer.signMessage({ path, message: '0x01', timeout: 100 })).rejects.toThrowError(
      expect.objectContaining({ name: 'DeviceTimeoutError' }),
    )
    expect(await account.signMessage({ message: 'after' })).toBe(
      await reference.signMessage({ message: 'after' }),
    )
  })

  test('abort: a factory transport is closed and opened again, so the next call works', async () => {
    const emulator = createLedgerEmulator()
    const opened: StrictTransport[] = []
    const signer = createLedgerSigner({
      transport: async () => {
        opened.push(new StrictTransport(emulator))
        return opened.at(-1)!
      },
    })
    const account = await toHardwareAccount(signer, { path })
    emulator.injectFault({ type: 'no-answer' })
    const controller = new AbortController()
    const pending = account.signMessage({ message: 'stuck', signal: controller.signal } as never)
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    await expect(pending).rejects.toThrowError(
      expect.objectContaining({ name: 'OperationAbortedError' }),
    )
    // The stuck exchange still holds the first transport's atomic guard: a new one is opened.
    expect(await account.signMessage({ message: 'next' })).toBe(
      await reference.signMessage({ message: 'next' }),
    )
    expect(opened).toHaveLength(2)
    expect(opened[0]!.closed).toBe(true)
  })

  test('abort with an open Transport: the abandoned call goes inert and the next call works', async () => {
    const { account, emulator } = await setupAccount()
    emulator.injectFault({ type: 'no-answer', atExchange: 1 })
    const controller = new AbortController()
    const pending = account.signMessage({
      message: 'x'.repeat(1_000),
      signal: controller.signal,
    } as never)
    await new Promise((resolve) => setTimeout(resolve, 20))
    controller.abort()
    await expect(pending).rejects.toThrowError(
      expect.objectContaining({ name: 'OperationAbortedError' }),
    )
    const sent = emulator.exchanges.length
    expect(await account.signTransaction(transfer)).toBe(await reference.signTransaction(transfer))
    // Only the new call's APDUs (the app version, read again on the new session, and the
    // transaction): nothing of the abandoned message reached the device afterwards.
    const instructions = emulator.exchanges.slice(sent).map((e) => e.request.slice(0, 4))
    expect(new Set(instructions)).toEqual(new Set(['e006', 'e004']))
  })

  test('a disconnect re-invokes the factory on the next call', async () => {
    const emulator = createLedgerEmulator()
    let opened = 0
    const signer = createLedgerSigner({
      transport: async () => {
        opened++
        return emulator.transport
      },
    })
    const account = await toHardwareAccount(signer, { path })
    await emulator.unplug()
    await expect(account.signMessage({ message: 'x' })).rejects.toThrowError(
      expect.objectContaining({ name: 'DeviceDisconnectedError' }),
    )
    await emulator.plug()
    await account.signMessage({ message: 'x' })
    // The first connection, the attempt while unplugged, the reconnection.
    expect(opened).toBe(3)
  })
})

describe('transports', () => {
  test.each(['webusb', 'webhid', 'node-hid'] as const)(
    '%s is unavailable in this Node process: a clear error',
    async (transport) => {
      const signer = createLedgerSigner({ transport })
      await expect(signer.getAddress({ path })).rejects.toThrowError(
        expect.objectContaining({ name: 'LedgerTransportUnavailableError', transport }),
      )
    },
  )

  test('the default is WebUSB', async () => {
    await expect(createLedgerSigner().getCapabilities()).rejects.toThrowError(
      expect.objectContaining({ transport: 'webusb' }),
    )
  })

  test('the node-hid error says what to install', async () => {
    await expect(
      createLedgerSigner({ transport: 'node-hid' }).getCapabilities(),
    ).rejects.toThrowErrorMatchingInlineSnapshot(`
      [LedgerTransportUnavailableError: Cannot connect to the Ledger over node-hid.

      Install @ledgerhq/hw-transport-node-hid (it builds native code, so allow its install script), or pass a Transport.

      Details: @ledgerhq/hw-transport-node-hid (an optional peer of @airlock/ledger) could not be loaded
      Version: @airlock/core@0.1.0]
    `)
  })
})
