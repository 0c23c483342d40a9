import { UnknownDeviceError } from '../errors/device.js'
import { loadOnce } from '../utils/loadOnce.js'
import type { HardwareSignerDriver } from './createHardwareSigner.js'
import type { DeviceOperation } from './types.js'

/**
 * A driver that loads the real one on first use, so that creating a signer costs no driver code:
 * `load` is an `import()` of the driver module, which then arrives with the vendor SDK. A failed
 * load is retried on the next call.
 */
export function lazyDriver(
  { source, name }: Pick<HardwareSignerDriver, 'source' | 'name'>,
  load: () => Promise<HardwareSignerDriver>,
): HardwareSignerDriver {
  let driver: HardwareSignerDriver | undefined
  let pending: Promise<HardwareSignerDriver> | undefined
  const loaded = loadOnce(() => {
    pending = load().then((value) => (driver = value))
    return pending
  })

  /** A device method that loads the driver, then calls it. */
  function forward<method extends DeviceOperation>(method: method): HardwareSignerDriver[method] {
    return (async (...args: never[]) =>
      ((await loaded())[method] as (...args: never[]) => unknown)(...args)) as never
  }

  return {
    source,
    name,
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
      // A driver still loading is closed once it arrives; none is loaded just to be closed.
      const current = driver ?? (await pending?.catch(() => undefined))
      await current?.close()
    },
  }
}
