import { airlockPlugin } from '../plugin.js'

export type {
  AirlockEmulatorConfig,
  AirlockLedgerConfig,
  AirlockNetworkUserConfig,
  AirlockTrezorConfig,
  DeviceAccountConfig,
  DeviceKind,
} from '../config/types.js'
export {
  DeviceAccountNotFoundError,
  type DeviceAccountNotFoundErrorType,
  DevicePackageMissingError,
  type DevicePackageMissingErrorType,
  UnlockedDeviceAccountError,
  type UnlockedDeviceAccountErrorType,
} from '../errors.js'
export type * from '../typeExtensions.js'

export default airlockPlugin
