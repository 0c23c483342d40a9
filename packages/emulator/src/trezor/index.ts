export {
  type TrezorConnect,
  TrezorConnectMissingError,
  trezorEmulatorManifest,
} from './connect/connect.js'
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
