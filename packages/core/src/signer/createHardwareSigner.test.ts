import { describe, expect, test } from 'vitest'
import { createSoftwareSigner } from '../_test/createSoftwareSigner.js'
import { DeviceLockedError } from '../errors/device.js'
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
