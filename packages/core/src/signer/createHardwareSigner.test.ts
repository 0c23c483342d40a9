import { describe, expect, test } from 'vitest'
import { createSoftwareSigner } from '../_test/createSoftwareSigner.js'
import { BlindSigningRefusedError } from '../errors/blindSigning.js'
import { DeviceLockedError, UnknownDeviceError } from '../errors/device.js'
import { createHardwareSigner, type DeviceContext } from './createHardwareSigner.js'
import type { DeviceStatus } from './types.js'

const path = "m/44'/60'/0'/0/0"

describe('createHardwareSigner', () => {
  test('runs calls one at a time, in call order', async () => {
    const signer = createSoftwareSigner({ delay: 5 })
    let running = 0
    let maxRunning = 0
    const order: number[] = []
    const calls = Array.from({ length: 20 }, async (_, i) => {
      const promise = signer.signMessage({ path, message: `0x${i.toString(16).padStart(2, '0')}` })
      running++
      maxRunning = Math.max(maxRunning, signer.state.calls.length - order.length)
      await promise
      running--
      order.push(i)
    })
    await Promise.all(calls)
    expect(order).toEqual(Array.from({ length: 20 }, (_, i) => i))
    expect(maxRunning).toBeLessThanOrEqual(1)
    expect(running).toBe(0)
  })

  test('an aborted queued call never reaches the device; the others run', async () => {
    const signer = createSoftwareSigner({ delay: 20 })
    const controller = new AbortController()
    const first = signer.getAddress({ path })
    const second = signer.getAddress({ path: "m/44'/60'/0'/0/1", signal: controller.signal })
    const third = signer.getAddress({ path: "m/44'/60'/0'/0/2" })
    controller.abort()
    await expect(second).rejects.toMatchObject({ name: 'OperationAbortedError' })
    await Promise.all([first, third])
    expect(signer.state.calls.map((call) => call.path)).toEqual([path, "m/44'/60'/0'/0/2"])
  })

  test('an aborted call keeps its place: the next waits for the running one', async () => {
    const signer = createSoftwareSigner({ delay: 30 })
    const controller = new AbortController()
    const first = signer.getAddress({ path })
    const second = signer.getAddress({ path, signal: controller.signal })
    controller.abort()
    await expect(second).rejects.toMatchObject({ name: 'OperationAbortedError' })
    const third = signer.getAddress({ path })
    expect(signer.state.calls).toHaveLength(1)
    await Promise.all([first, third])
    expect(signer.state.calls).toHaveLength(2)
  })

  test('an already-aborted signal is refused at once', async () => {
    const signer = createSoftwareSigner()
    await expect(signer.getAddress({ path, signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'OperationAbortedError',
    })
    expect(signer.state.calls).toHaveLength(0)
  })

  test('a device that never answers ends in DeviceTimeoutError and the signer works again', async () => {
    const signer = createSoftwareSigner({ delay: 'forever', timeout: 50 })
    await expect(signer.getAddress({ path })).rejects.toMatchObject({
      name: 'DeviceTimeoutError',
      timeout: 50,
    })
    signer.state.delay = 0
    await expect(signer.getAddress({ path })).resolves.toMatchObject({
      address: expect.any(String),
    })
  })

  test('a per-call timeout overrides the default', async () => {
    const signer = createSoftwareSigner({ delay: 'forever' })
    await expect(signer.getAddress({ path, timeout: 10 })).rejects.toMatchObject({
      name: 'DeviceTimeoutError',
      timeout: 10,
    })
  })

  test('emits status events and passes typed errors through', async () => {
    const signer = createSoftwareSigner()
    const events: DeviceStatus['type'][] = []
    const unsubscribe = signer.onStatus((status) => events.push(status.type))
    await signer.signTransaction({
      path,
      transaction: { type: 'legacy', chainId: 1, gasPrice: 1n },
      serializedTransaction: '0xc0',
    })
    signer.state.failNext = new DeviceLockedError()
    await expect(signer.getAddress({ path })).rejects.toBeInstanceOf(DeviceLockedError)
    signer.state.failNext = new Error('USB stack exploded')
    await expect(signer.getAddress({ path })).rejects.toMatchObject({ name: 'UnknownDeviceError' })
    unsubscribe()
    await signer.getAddress({ path })
    expect(events).toEqual(['confirm-on-device', 'done', 'error', 'error'])
  })

  test('invalid paths are refused before the device is asked', async () => {
    const signer = createSoftwareSigner()
    await expect(signer.getAddress({ path: "m/44'/60'/x" })).rejects.toMatchObject({
      name: 'InvalidPathError',
    })
    await expect(signer.signMessage({ path: '', message: '0x' })).rejects.toThrow(
      'Invalid derivation path',
    )
    expect(signer.state.calls).toHaveLength(0)
  })
})

describe('blindSigning', () => {
  const contractCall = {
    path,
    transaction: { type: 'legacy', chainId: 1, gasPrice: 1n, data: '0xa22cb465' },
    serializedTransaction: '0xc0',
  } as const
  const transfer = {
    path,
    transaction: { type: 'legacy', chainId: 1, gasPrice: 1n, value: 1n },
    serializedTransaction: '0xc0',
  } as const
  const typedData = {
    domain: { name: 'Airlock' },
    types: { EIP712Domain: [{ name: 'name', type: 'string' }] },
    primaryType: 'EIP712Domain',
    message: {},
  } as const

  test("'refuse': a blind request ends in BlindSigningRefusedError before the device gets it", async () => {
    const signer = createSoftwareSigner({ blindSigning: 'refuse' })
    const statuses: DeviceStatus[] = []
    signer.onStatus((status) => statuses.push(status))
    const error = await signer.signTransaction(contractCall).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BlindSigningRefusedError)
    expect(error).toMatchObject({
      operation: 'signTransaction',
      details: 'contract data the device cannot decode',
      rpcCode: 4001,
    })
    expect(signer.state.calls).toEqual([])
    expect(statuses).toEqual([{ type: 'error', operation: 'signTransaction', error }])
  })

  test("'refuse': clear requests sign as usual; hashed typed data is refused", async () => {
    const signer = createSoftwareSigner({ blindSigning: 'refuse' })
    const statuses: DeviceStatus[] = []
    signer.onStatus((status) => statuses.push(status))
    await signer.signTransaction(transfer)
    await signer.signMessage({ path, message: '0x01' })
    await signer.signTypedData({ path, typedData })
    await signer.getAddress({ path, display: true })
    expect(statuses.filter((status) => status.type === 'confirm-on-device')).toEqual([
      { type: 'confirm-on-device', operation: 'signTransaction', display: 'clear' },
      { type: 'confirm-on-device', operation: 'signMessage', display: 'clear' },
      { type: 'confirm-on-device', operation: 'signTypedData', display: 'clear' },
      { type: 'confirm-on-device', operation: 'getAddress', display: 'clear' },
    ])
    const hashed = createSoftwareSigner({
      blindSigning: 'refuse',
      capabilities: { signTypedData: 'hashed' },
    })
    await expect(hashed.signTypedData({ path, typedData })).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      operation: 'signTypedData',
      details: 'only the domain and message hashes',
    })
    expect(hashed.state.calls).toEqual([])
  })

  test("'allow' (the default) signs a blind request and says it is blind", async () => {
    const signer = createSoftwareSigner()
    const statuses: DeviceStatus[] = []
    signer.onStatus((status) => statuses.push(status))
    await signer.signTransaction(contractCall)
    expect(statuses[0]).toEqual({
      type: 'confirm-on-device',
      operation: 'signTransaction',
      display: 'blind',
      reason: 'contract data the device cannot decode',
    })
    expect(signer.state.calls).toHaveLength(1)
  })

  /** A signer on a driver that signs messages and reports `confirm` first (or nothing). */
  function signerReporting(confirm: DeviceStatus | undefined, blindSigning?: 'allow' | 'refuse') {
    const sent: string[] = []
    const contexts: DeviceContext[] = []
    const unused = async () => {
      throw new Error('unused')
    }
    const signer = createHardwareSigner(
      {
        source: 'test',
        name: 'Test',
        getCapabilities: unused,
        getAddress: unused,
        getExtendedPublicKey: unused,
        signTransaction: unused,
        signTypedData: unused,
        signAuthorization: unused,
        async signMessage({ message }, context) {
          contexts.push(context)
          if (confirm) context.status(confirm)
          sent.push(message)
          return { r: '0x01', s: '0x02', yParity: 0 }
        },
        toError: (cause) => new UnknownDeviceError({ cause }),
        async close() {},
      },
      { blindSigning },
    )
    return { signer, sent, contexts }
  }

  test("'refuse': a status without display counts as blind", async () => {
    const { signer, sent } = signerReporting(
      { type: 'confirm-on-device', operation: 'signMessage' } as DeviceStatus,
      'refuse',
    )
    await expect(signer.signMessage({ path, message: '0x01' })).rejects.toBeInstanceOf(
      BlindSigningRefusedError,
    )
    expect(sent).toEqual([])
  })

  test("'refuse': a driver that signs without saying how the device showed it loses the signature", async () => {
    const { signer, sent } = signerReporting(undefined, 'refuse')
    await expect(signer.signMessage({ path, message: '0x01' })).rejects.toMatchObject({
      name: 'BlindSigningRefusedError',
      details: 'the driver did not say whether the device showed the request in clear',
    })
    expect(sent).toEqual(['0x01'])
    // Without the policy, the same driver's signature is returned.
    await expect(
      signerReporting(undefined).signer.signMessage({ path, message: '0x01' }),
    ).resolves.toMatchObject({ r: '0x01' })
  })

  test('drivers see the policy on the call context', async () => {
    const clear = { type: 'confirm-on-device', operation: 'signMessage', display: 'clear' } as const
    const refusing = signerReporting(clear, 'refuse')
    const allowing = signerReporting(clear)
    await refusing.signer.signMessage({ path, message: '0x01' })
    await allowing.signer.signMessage({ path, message: '0x01' })
    expect(refusing.contexts[0]?.blindSigning).toBe('refuse')
    expect(allowing.contexts[0]?.blindSigning).toBe('allow')
  })
})
