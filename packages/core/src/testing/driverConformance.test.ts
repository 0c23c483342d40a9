import { describe, expect, test } from 'vitest'
import { createSoftwareSigner } from '../_test/createSoftwareSigner.js'
import {
  DeviceDisconnectedError,
  DeviceLockedError,
  UserRejectedOnDeviceError,
} from '../errors/device.js'
import {
  ConformanceError,
  type ConformanceSetupOptions,
  driverConformanceChecks,
} from './driverConformance.js'

type SignerOptions = Parameters<typeof createSoftwareSigner>[0]

/** The harness over core's in-memory test signer, with its faults as device controls. */
function harness(options: SignerOptions = {}, errors = true) {
  return {
    async setup({ blindSigning }: ConformanceSetupOptions) {
      const signer = createSoftwareSigner({ blindSigning, ...options })
      const fail = (error: Error) => {
        signer.state.failNext = errors ? error : new Error(error.name)
      }
      return {
        signer,
        device: {
          rejectNext: () => fail(new UserRejectedOnDeviceError()),
          lock: () => fail(new DeviceLockedError()),
          unplug: () => fail(new DeviceDisconnectedError()),
          hang: () => {
            signer.state.delay = 'forever'
          },
          restore: () => {
            signer.state.delay = undefined
            signer.state.failNext = undefined
          },
        },
      }
    },
  }
}

describe('driverConformanceChecks', () => {
  for (const { name, run } of driverConformanceChecks(harness())) test(name, run)

  test('a driver that loses the error types fails the checks that need them', async () => {
    const checks = driverConformanceChecks(harness({}, false))
    const failed: string[] = []
    for (const { name, run } of checks)
      await run().catch((error) => {
        expect(error).toBeInstanceOf(ConformanceError)
        failed.push(name)
      })
    expect(failed).toEqual([
      'a rejection on the device is UserRejectedOnDeviceError (4001)',
      'a locked device asks to be unlocked, or fails with DeviceLockedError (-32002)',
      'a device unplugged mid-request is DeviceDisconnectedError (4900), and works once plugged in',
    ])
  })

  test('a harness that does not pass blindSigning to its signer fails the refusal check', async () => {
    const { setup } = harness()
    const checks = driverConformanceChecks({ setup: () => setup({ blindSigning: 'allow' }) })
    const refuse = checks.find((check) => check.name.startsWith('under blindSigning'))!
    await expect(refuse.run()).rejects.toThrowError(
      expect.objectContaining({
        name: 'ConformanceError',
        details: expect.stringContaining('does harness.setup pass blindSigning to the signer?'),
      }),
    )
  })

  test('a driver whose confirm-on-device lacks display fails', async () => {
    const { setup } = harness()
    const checks = driverConformanceChecks({
      async setup(options) {
        const rig = await setup(options)
        const { signer } = rig
        // What a driver written before `display` reports.
        const onStatus: typeof signer.onStatus = (listener) =>
          signer.onStatus(({ ...status }) => {
            if (status.type === 'confirm-on-device')
              delete (status as { display?: unknown }).display
            listener(status)
          })
        return { ...rig, signer: { ...signer, onStatus } }
      },
    })
    const display = checks.find((check) => check.name.startsWith('says whether'))!
    await expect(display.run()).rejects.toThrowError(
      expect.objectContaining({
        name: 'ConformanceError',
        details: 'a message: confirm-on-device has display undefined and reason undefined',
      }),
    )
  })

  test('a signer that signs what its capabilities exclude fails', async () => {
    const checks = driverConformanceChecks(harness({ capabilities: { signAuthorization: false } }))
    const capabilities = checks.find((check) => check.name.startsWith('what the capabilities'))!
    await expect(capabilities.run()).rejects.toThrowError(
      expect.objectContaining({
        name: 'ConformanceError',
        details: 'an authorization was signed though the capabilities exclude it',
      }),
    )
  })
})
