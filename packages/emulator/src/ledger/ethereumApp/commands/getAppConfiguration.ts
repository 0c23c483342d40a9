import type { LedgerDevice } from '../../device.js'

// app-ethereum APP_FLAG_DATA_ALLOWED and APP_FLAG_EXTERNAL_TOKEN_NEEDED (always set).
const dataAllowedFlag = 0x01
const externalTokenNeededFlag = 0x02

/** GET APP CONFIGURATION (E0 06): `flags || major || minor || patch`. */
export function getAppConfiguration(device: LedgerDevice): Uint8Array {
  const version = device.app === 'dashboard' ? '0.0.0' : device.app.version
  const [major = 0, minor = 0, patch = 0] = version.split(/[.-]/).map((part) => Number(part) || 0)
  const flags = (device.blindSigning ? dataAllowedFlag : 0) | externalTokenNeededFlag
  return Uint8Array.of(flags, major, minor, patch)
}
