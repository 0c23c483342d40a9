import { UnknownDeviceError } from '../errors/device.js'
import type { HardwareSignerDriver } from './createHardwareSigner.js'
import type { DeviceOperation, DeviceSource } from './types.js'

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

  /** A device method that loads the driver, then calls it. */
  function forward<method extends DeviceOperation>(method: method): HardwareSignerDriver[method] {
    return (async (...args: never[]) =>
      ((await loaded())[method] as (...args: never[]) => unknown)(...args)) as never
  }

  return {
    source,
    getCapabilities: forward('getCapabilities'),
    getAddress: forward('getAddress'),
    getExtendedPublicKey: forward('getExtendedPublicKey'),
    signTransaction: forward('signTransaction'),
    signMessage: forward('signMessage'),
    signTypedData: forward('signTypedData'),
    signAuthorization: forward('signAuthorization'),
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
