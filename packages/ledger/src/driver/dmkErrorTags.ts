import {
  type BaseError,
  DeviceBusyError,
  DeviceDisconnectedError,
  type DeviceOperation,
} from '@airlock/core'

type Mapper = (cause: unknown, operation: DeviceOperation) => BaseError

const disconnected: Mapper = (cause) => new DeviceDisconnectedError({ cause })
const busy: Mapper = (cause) => new DeviceBusyError({ cause })

/**
 * Errors of Ledger's Device Management Kit and its transport kits, by their `_tag` (a session
 * given as `fromDeviceManagementKit`). Status words arrive as answers, not errors, and map as over
 * USB; a locked device answers 0x5515 there too.
 */
export const ledgerDmkErrorTags: Record<string, Mapper> = {
  // The session or its device is gone.
  DeviceSessionNotFound: disconnected,
  DeviceDisconnectedWhileSendingError: disconnected,
  DeviceDisconnectedBeforeSendingApdu: disconnected,
  NoAccessibleDeviceError: disconnected,
  ReconnectionFailedError: disconnected,
  DisconnectError: disconnected,
  DeviceNotInitializedError: disconnected,
  SendApduEmptyResponseError: disconnected,
  // Web Bluetooth kit: the GATT link dropped or could not be set up.
  DeviceNotOpenedError: disconnected,
  // Something else is talking to the device right now.
  AlreadySendingApduError: busy,
  SendApduConcurrencyError: busy,
}
