// A Device Management Kit session as a transport: an entry of its own, so that an app that does not
// use DMK ships none of it (bundlers keep a main entry's function that holds a dynamic import).
export {
  type FromDeviceManagementKitParameters,
  fromDeviceManagementKit,
} from '../sdk/dmk/fromDeviceManagementKit.js'
export type { DeviceManagementKitLike, DmkSessionId } from '../sdk/dmk/types.js'
