import type { TrezorEmulator } from '@airlock/emulator'
import { mnemonicToAccount } from 'viem/accounts'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { testMnemonic, useTrezorEmulator } from './_test/emulator.js'
import { createTrezorSigner } from './createTrezorSigner.js'
import type { TrezorConnectLike } from './types.js'

/**
 * When no `connect` is passed, Airlock imports Trezor Connect itself and initialises it. Here the
 * imported packages are stand-ins that forward to the emulator's Connect and record `init` and
 * `dispose` as Connect 9.7 behaves: a second `init` fails with Init_AlreadyInitialized until
 * `dispose()`.
 */
const packages = vi.hoisted(() => ({
  imported: [] as string[],
  node: undefined as unknown as TrezorConnectLike,
  web: undefined as unknown as TrezorConnectLike,
}))
const forward = vi.hoisted(
  () => (target: () => object) =>
    new Proxy(
      {},
      { get: (_, key) => Reflect.get(target(), key), has: (_, key) => key in target() },
    ),
)
vi.mock('@trezor/connect', () => {
  packages.imported.push('@trezor/connect')
  return { default: forward(() => packages.node) }
})
vi.mock('@trezor/connect-web', () => {
  packages.imported.push('@trezor/connect-web')
  return { default: { default: forward(() => packages.web) } }
})

const device = useTrezorEmulator('T3T1')
const manifest = {
  appName: 'Airlock tests',
  appUrl: 'https://airlock.invalid',
  email: 'a@airlock.invalid',
}
/** What the stand-in logs for `init` with `manifest`. */
const initLogLine = `init ${JSON.stringify(manifest)}`
const path = "m/44'/60'/0'/0/0"
const reference = mnemonicToAccount(testMnemonic, { path })

function standIn(emulator: TrezorEmulator) {
  let initialised = false
  const log: string[] = []
  const connect = Object.assign(Object.create(emulator.connect) as TrezorConnectLike, {
    log,
    failNextInit: undefined as unknown,
    async init(settings: { manifest: unknown }) {
      log.push(`init ${JSON.stringify(settings.manifest)}`)
      if (connect.failNextInit) {
        const error = connect.failNextInit
        connect.failNextInit = undefined
        throw error
      }
      if (initialised)
        throw Object.assign(new Error('TrezorConnect has been already initialized'), {
          code: 'Init_AlreadyInitialized',
        })
      initialised = true
    },
    dispose() {
      log.push('dispose')
      initialised = false
    },
    setInitialised(value: boolean) {
      initialised = value
    },
  })
  return connect
}

let node: ReturnType<typeof standIn>
beforeEach(() => {
  node = standIn(device.emulator)
  packages.node = node
  packages.web = standIn(device.emulator)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

describe('Airlock owns the TrezorConnect instance', () => {
  test('the manifest is checked up front', () => {
    expect(() => createTrezorSigner({} as never)).toThrowError(
      expect.objectContaining({ name: 'InvalidManifestError' }),
    )
    expect(() =>
      createTrezorSigner({ manifest: { ...manifest, email: 'nope' } }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidManifestError: The Trezor Connect manifest is invalid.

      Pass \`manifest: { appName, appUrl, email }\`: your app's name, its https URL and a contact email.

      Details: "email" must be an email address, got "nope"
      Version: @airlock/core@0.1.0]
    `)
  })

  test('nothing is imported until the first call; Node gets @trezor/connect, initialised once', async () => {
    const signer = createTrezorSigner({ manifest })
    const other = createTrezorSigner({ manifest })
    expect(packages.imported).toEqual([])
    expect(await signer.getAddress({ path })).toEqual({
      address: reference.address,
      publicKey: reference.publicKey,
    })
    await other.getAddress({ path })
    await signer.getAddress({ path })
    expect(packages.imported).toEqual(['@trezor/connect'])
    expect(node.log).toEqual([initLogLine])
    await signer.close()
    await other.close()
  })

  test('close() disposes it; the next call initialises it again', async () => {
    const signer = createTrezorSigner({ manifest })
    await signer.getAddress({ path })
    await signer.close()
    expect(await signer.signMessage({ path, message: '0x01' })).toMatchObject({
      yParity: expect.any(Number),
    })
    expect(node.log).toEqual([initLogLine, 'dispose', initLogLine])
    await signer.close()
  })

  test('another signer closing it does not break this one', async () => {
    const signer = createTrezorSigner({ manifest })
    const other = createTrezorSigner({ manifest })
    await signer.getAddress({ path })
    await other.getAddress({ path })
    await other.close()
    expect((await signer.getAddress({ path })).address).toBe(reference.address)
    expect(node.log).toEqual([initLogLine, 'dispose', initLogLine])
    await signer.close()
  })

  test('an instance the app already initialised is used as it is', async () => {
    node.setInitialised(true)
    const signer = createTrezorSigner({ manifest })
    expect((await signer.getAddress({ path })).address).toBe(reference.address)
    await signer.close()
  })

  test('init failures are TrezorInitError, and the next call tries again', async () => {
    node.failNextInit = Object.assign(new Error('Manifest not set.'), {
      code: 'Init_ManifestMissing',
    })
    const signer = createTrezorSigner({ manifest })
    await expect(signer.getAddress({ path })).rejects.toThrowErrorMatchingInlineSnapshot(`
      [TrezorInitError: Trezor Connect could not start: it has no manifest.

      Pass \`manifest: { appName, appUrl, email }\` (or init the \`connect\` you pass with one).

      Details: Manifest not set.
      Version: @airlock/core@0.1.0]
    `)
    expect((await signer.getAddress({ path })).address).toBe(reference.address)
    await signer.close()
  })

  test('browsers get @trezor/connect-web', async () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    const signer = createTrezorSigner({ manifest })
    expect((await signer.getAddress({ path })).address).toBe(reference.address)
    expect(packages.imported).toContain('@trezor/connect-web')
    await signer.close()
  })
})

describe('the app shares its instance', () => {
  test('Airlock neither initialises nor disposes it; a manifest is optional', async () => {
    const signer = createTrezorSigner({ connect: node })
    expect((await signer.getAddress({ path })).address).toBe(reference.address)
    await signer.close()
    expect(node.log).toEqual([])
  })
})
