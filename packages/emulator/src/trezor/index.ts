export { TrezorConnectMissingError, trezorEmulatorManifest } from './connect/connect.js'
export type {
  TrezorConnect,
  TrezorConnectFeatures,
  TrezorConnectResponse,
  TrezorConnectTransaction,
  TrezorConnectTypedData,
  TrezorManifest,
} from './connect/types.js'
export {
  createTrezorEmulator,
  type TrezorEmulator,
  type TrezorEmulatorOptions,
} from './createTrezorEmulator.js'
export { TrezorDevice, type TrezorDeviceOptions } from './device.js'
export { TrezorEmulatorMnemonicError } from './keys/keychain.js'
export {
  resolveTrezorModel,
  TrezorEmulatorModelError,
  type TrezorModel,
  type TrezorModelName,
  trezorModels,
} from './models.js'
