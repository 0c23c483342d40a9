import type { LedgerEmulator } from '@airlock/emulator'
import {
  type ApduResponse,
  DeviceDisconnectedWhileSendingError,
  type DeviceModelId,
  type DmkError,
  StaticDeviceModelDataSource,
  type Transport,
  type TransportConnectedDevice,
  type TransportDiscoveredDevice,
  type TransportFactory,
} from '@ledgerhq/device-management-kit'
import { Buffer } from 'buffer'
import { type Either, Left, Right } from 'purify-ts'
import { of } from 'rxjs'

/**
 * A DMK transport kit whose one device is the Ledger emulator: raw APDUs in, `data ‖ SW` out, as
 * DMK's own kits hand them over after framing. An unplugged emulator disconnects the session.
 */
export function emulatorDmkTransport(emulator: LedgerEmulator): TransportFactory {
  const deviceModel = new StaticDeviceModelDataSource().getDeviceModel({
    id: emulator.model as DeviceModelId,
  })
  const discovered: TransportDiscoveredDevice = {
    id: 'emulator',
    deviceModel,
    transport: 'AIRLOCK_EMULATOR',
  }
  return () =>
    ({
      getIdentifier: () => 'AIRLOCK_EMULATOR',
      isSupported: () => true,
      startDiscovering: () => of(discovered),
      stopDiscovering: () => {},
      listenToAvailableDevices: () => of([discovered]),
      async connect({ deviceId, onDisconnect }) {
        const sendApdu = async (apdu: Uint8Array): Promise<Either<DmkError, ApduResponse>> => {
          try {
            const response = await emulator.transport.exchange(Buffer.from(apdu))
            return Right({
              data: new Uint8Array(response.subarray(0, -2)),
              statusCode: new Uint8Array(response.subarray(-2)),
            })
          } catch (error) {
            onDisconnect(deviceId)
            return Left(new DeviceDisconnectedWhileSendingError(error))
          }
        }
        return Right({
          id: deviceId,
          deviceModel,
          type: 'USB',
          transport: 'AIRLOCK_EMULATOR',
          sendApdu,
        } as TransportConnectedDevice)
      },
      async disconnect() {
        return Right(undefined)
      },
    }) satisfies Transport
}
