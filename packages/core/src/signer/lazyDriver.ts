import { UnknownDeviceError } from '../errors/device.js'
import type { HardwareSignerDriver } from './createHardwareSigner.js'
import type { DeviceSource } from './types.js'

/**
 * A driver that loads the real one on first use, so that creating a signer costs no driver code:
 * `load` is an `import()` of the driver module, which then arrives with the vendor SDK. A failed
 * load is retried on the next call.
 */
export function lazyDriver(
  source: DeviceSource,
  load: () => Promise<HardwareSignerDriver>,
): HardwareSignerDriver {
  let driver: HardwareSignerDriver | undefined
  let loading: Promise<HardwareSignerDriver> | undefined

  function loaded(): Promise<HardwareSignerDriver> {
    loading ??= load().then(
      (value) => {
        driver = value
        return value
      },
      (error: unknown) => {
        loading = undefined
        throw error
      },
    )
    return loading
  }

  return {
    source,
    getCapabilities: async (context) => (await loaded()).getCapabilities(context),
    getAddress: async (parameters, context) => (await loaded()).getAddress(parameters, context),
    getExtendedPublicKey: async (parameters, context) =>
      (await loaded()).getExtendedPublicKey(parameters, context),
    signTransaction: async (request, context) => (await loaded()).signTransaction(request, context),
    signMessage: async (request, context) => (await loaded()).signMessage(request, context),
    signTypedData: async (request, context) => (await loaded()).signTypedData(request, context),
    signAuthorization: async (request, context) =>
      (await loaded()).signAuthorization(request, context),
    toError: (error, operation) =>
      driver
        ? driver.toError(error, operation)
        : new UnknownDeviceError({
            cause: error,
            details: `${operation}: the ${source} driver could not be loaded`,
          }),
    async close() {
      const current = driver ?? (await loading?.catch(() => undefined))
      await current?.close()
    },
  }
}
