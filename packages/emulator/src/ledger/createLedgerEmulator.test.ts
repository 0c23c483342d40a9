import { inspect } from 'node:util'
import { Buffer } from 'buffer'
import { type Hex, recoverMessageAddress, serializeSignature } from 'viem'
import { mnemonicToAccount } from 'viem/accounts'
import { beforeEach, describe, expect, test } from 'vitest'
import { testMnemonic } from '../common/testMnemonic.js'
import { createEth, denyNetwork } from './_test/testUtils.js'
import { createLedgerEmulator } from './createLedgerEmulator.js'
import { InvalidEmulatorMnemonicError, InvalidEmulatorOptionError } from './errors.js'

beforeEach(denyNetwork)

const path = "44'/60'/0'/0/0"
const account = mnemonicToAccount(testMnemonic)
const hello = Buffer.from('hello').toString('hex')

describe('app and device state', () => {
  test('GET APP AND VERSION and GET APP CONFIGURATION', async () => {
    const emulator = createLedgerEmulator({
      app: { name: 'Ethereum', version: '1.13.2' },
      blindSigning: true,
    })
    const eth = createEth(emulator)
    expect(await eth.getAppConfiguration()).toEqual({
      arbitraryDataEnabled: 1,
      erc20ProvisioningNecessary: 2,
      starkEnabled: 0,
      starkv2Supported: 0,
      version: '1.13.2',
    })
    const answer = await emulator.transport.send(0xb0, 0x01, 0, 0)
    expect(answer.toString('hex')).toBe(
      `0108${Buffer.from('Ethereum').toString('hex')}06${Buffer.from('1.13.2').toString('hex')}01009000`,
    )
  })

  test('defaults to app 1.22.0 (1.10.4 on a Nano S); E0 06 flags carry blind signing only', async () => {
    const emulator = createLedgerEmulator({ verboseEip712: true })
    expect(emulator.app).toEqual({ name: 'Ethereum', version: '1.22.0' })
    expect(createLedgerEmulator({ model: 'nanoS' }).app).toEqual({
      name: 'Ethereum',
      version: '1.10.4',
    })
    // APP_FLAG_EXTERNAL_TOKEN_NEEDED always, APP_FLAG_DATA_ALLOWED with blind signing; the verbose
    // EIP-712 setting has no flag (cmd_get_app_configuration.c:4-16).
    const flags = async () => (await emulator.transport.send(0xe0, 0x06, 0, 0)).toString('hex')
    expect(await flags()).toBe('020116009000')
    emulator.setBlindSigning(true)
    expect(await flags()).toBe('030116009000')
  })

  test('on the dashboard: CLA E0 answers 0x6e00, B0 01 names BOLOS', async () => {
    const emulator = createLedgerEmulator({ app: 'dashboard' })
    await expect(createEth(emulator).getAddress(path)).rejects.toMatchObject({ statusCode: 0x6e00 })
    const answer = await emulator.transport.send(0xb0, 0x01, 0, 0)
    expect(answer.subarray(2, 7).toString()).toBe('BOLOS')
    emulator.openApp({ name: 'Ethereum', version: '1.15.0' })
    expect((await createEth(emulator).getAddress(path)).address).toBe(account.address)
  })

  test('another app answers CLA E0 with 0x6e00; unknown INS answer 0x6d00', async () => {
    const bitcoin = createLedgerEmulator({ app: { name: 'Bitcoin', version: '2.2.0' } })
    await expect(bitcoin.transport.send(0xe0, 0x06, 0, 0)).rejects.toMatchObject({
      statusCode: 0x6e00,
    })
    const ethereum = createLedgerEmulator()
    await expect(ethereum.transport.send(0xe0, 0x7a, 0, 0)).rejects.toMatchObject({
      statusCode: 0x6d00,
    })
  })

  test('locked: every APDU answers 0x5515 (LockedDeviceError) until unlocked', async () => {
    const emulator = createLedgerEmulator({ locked: true })
    const eth = createEth(emulator)
    await expect(eth.getAddress(path)).rejects.toMatchObject({
      name: 'LockedDeviceError',
      statusCode: 0x5515,
    })
    await expect(emulator.transport.send(0xb0, 0x01, 0, 0)).rejects.toMatchObject({
      statusCode: 0x5515,
    })
    emulator.unlock()
    expect((await eth.getAddress(path)).address).toBe(account.address)
    emulator.lock()
    expect(emulator.locked).toBe(true)
  })

  test('an async per-screen user sees each screen in order', async () => {
    const seen: string[] = []
    const emulator = createLedgerEmulator({
      user: async (screen) => {
        seen.push(screen.title)
        await new Promise((resolve) => setTimeout(resolve, 1))
        return 'approve' as const
      },
    })
    await createEth(emulator).signPersonalMessage(path, hello)
    expect(seen).toEqual(['Message'])
    expect(emulator.reviews[0]?.outcome).toBe('approved')
  })

  test('logs every exchange as hex and clears logs', async () => {
    const emulator = createLedgerEmulator()
    await createEth(emulator).getAddress(path)
    expect(emulator.exchanges).toEqual([
      {
        request: 'e002000015058000002c8000003c800000000000000000000000',
        response: expect.stringMatching(/^4104[0-9a-f]+9000$/),
      },
    ])
    emulator.clearLogs()
    expect(emulator.exchanges).toEqual([])
  })
})

describe('test keys only', () => {
  test('toString and inspect say so and never show the mnemonic or keys', () => {
    const emulator = createLedgerEmulator()
    for (const text of [String(emulator), inspect(emulator)]) {
      expect(text).toContain('TEST KEYS ONLY')
      expect(text).not.toContain('test test')
      expect(text).not.toMatch(/[0-9a-f]{64}/i)
    }
  })

  test('rejects a CAL key that is not an uncompressed secp256k1 key', () => {
    expect(() => createLedgerEmulator({ calPublicKey: '0x02' })).toThrow(InvalidEmulatorOptionError)
  })

  test('rejects an invalid mnemonic', () => {
    expect(() => createLedgerEmulator({ mnemonic: 'not a mnemonic' })).toThrow(
      InvalidEmulatorMnemonicError,
    )
  })
})

describe('faults', () => {
  async function signHello(emulator: ReturnType<typeof createLedgerEmulator>) {
    const { v, r, s } = await createEth(emulator).signPersonalMessage(path, hello)
    return serializeSignature({ r: `0x${r}`, s: `0x${s}`, v: BigInt(v) }) as Hex
  }

  test.each([
    [{ type: 'corrupt-signature' } as const],
    [{ type: 'corrupt-signature', part: 's' } as const],
    [{ type: 'wrong-key' } as const],
    [{ type: 'wrong-v' } as const],
  ])('%o breaks the next signature only', async (fault) => {
    const emulator = createLedgerEmulator()
    emulator.injectFault(fault)
    const bad = await signHello(emulator)
    expect(bad).not.toBe(await account.signMessage({ message: 'hello' }))
    const signer = await recoverMessageAddress({ message: 'hello', signature: bad }).catch(
      () => undefined,
    )
    expect(signer).not.toBe(account.address)
    expect(await signHello(emulator)).toBe(await account.signMessage({ message: 'hello' }))
  })

  test('unplug at an exchange rejects like WebHID, then plug() again', async () => {
    const emulator = createLedgerEmulator()
    const eth = createEth(emulator)
    let disconnected = false
    emulator.transport.on('disconnect', () => {
      disconnected = true
    })
    emulator.injectFault({ type: 'unplug', atExchange: 1 })
    const message = Buffer.alloc(300, 0x61).toString('hex')
    await expect(eth.signPersonalMessage(path, message)).rejects.toMatchObject({
      name: 'DisconnectedDeviceDuringOperation',
    })
    expect(disconnected).toBe(true)
    expect(emulator.connected).toBe(false)
    await expect(eth.getAddress(path)).rejects.toMatchObject({
      name: 'DisconnectedDeviceDuringOperation',
    })
    await emulator.plug()
    expect((await eth.getAddress(path)).address).toBe(account.address)
  })

  test('unplug while the user is reviewing rejects the pending exchange', async () => {
    let release: () => void = () => {}
    const emulator = createLedgerEmulator({
      user: () => new Promise((resolve) => (release = () => resolve('approve'))),
    })
    const pending = createEth(emulator).signPersonalMessage(path, hello)
    await new Promise((resolve) => setTimeout(resolve, 5))
    await emulator.unplug()
    release()
    await expect(pending).rejects.toMatchObject({ name: 'DisconnectedDeviceDuringOperation' })
  })

  test('no answer: the exchange hangs until the device is unplugged', async () => {
    const emulator = createLedgerEmulator()
    emulator.injectFault({ type: 'no-answer' })
    const pending = createEth(emulator).getAddress(path)
    const state = await Promise.race([
      pending.then(
        () => 'answered',
        () => 'failed',
      ),
      new Promise((r) => setTimeout(() => r('waiting'), 30)),
    ])
    expect(state).toBe('waiting')
    await emulator.unplug()
    await expect(pending).rejects.toMatchObject({ name: 'DisconnectedDeviceDuringOperation' })
    expect(emulator.exchanges.at(-1)?.response).toBe('')
  })

  test('busy rejects with TransportRaceCondition', async () => {
    const emulator = createLedgerEmulator()
    emulator.injectFault({ type: 'busy' })
    await expect(createEth(emulator).getAddress(path)).rejects.toMatchObject({
      name: 'TransportRaceCondition',
    })
    expect((await createEth(emulator).getAddress(path)).address).toBe(account.address)
  })

  test('lock and close-app mid-flow', async () => {
    const message = Buffer.alloc(300, 0x62).toString('hex')
    const locking = createLedgerEmulator()
    locking.injectFault({ type: 'lock', atExchange: 1 })
    await expect(createEth(locking).signPersonalMessage(path, message)).rejects.toMatchObject({
      statusCode: 0x5515,
    })
    expect(locking.locked).toBe(true)
    const closing = createLedgerEmulator()
    closing.injectFault({ type: 'close-app', atExchange: 2 })
    await expect(createEth(closing).signPersonalMessage(path, message)).rejects.toMatchObject({
      statusCode: 0x6e00,
    })
    expect(closing.app).toBe('dashboard')
  })
})

describe('latency', () => {
  test('a fixed delay per exchange', async () => {
    const emulator = createLedgerEmulator({ latency: 40 })
    const start = Date.now()
    await createEth(emulator).getAddress(path)
    expect(Date.now() - start).toBeGreaterThanOrEqual(35)
  })

  test('a delay per 64-byte HID frame of request and response', async () => {
    // 26-byte request: 1 frame; 109-byte response: 2 frames.
    const emulator = createLedgerEmulator({ latency: { perFrame: 15 } })
    const start = Date.now()
    await createEth(emulator).getAddress(path)
    expect(Date.now() - start).toBeGreaterThanOrEqual(40)
  })
})
