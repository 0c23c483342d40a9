import type { LedgerDevice } from '../../device.js'
import type { LedgerModel } from '../../types.js'

// The dashboard reports "BOLOS" and the OS version.
const osVersions: Record<LedgerModel, string> = {
  nanoS: '2.1.0',
  nanoSP: '1.3.1',
  nanoX: '2.4.1',
  stax: '1.7.0',
  flex: '1.3.0',
}

/** GET APP AND VERSION (B0 01): `01 || len || name || len || version || 01 || flags`. */
export function getAppAndVersion(device: LedgerDevice): Uint8Array {
  const { name, version } =
    device.app === 'dashboard' ? { name: 'BOLOS', version: osVersions[device.model] } : device.app
  const encoder = new TextEncoder()
  const nameBytes = encoder.encode(name)
  const versionBytes = encoder.encode(version)
  return Uint8Array.of(
    0x01,
    nameBytes.length,
    ...nameBytes,
    versionBytes.length,
    ...versionBytes,
    0x01,
    0x00,
  )
}
