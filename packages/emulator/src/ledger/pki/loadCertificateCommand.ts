import type { Apdu } from '../apdu/apdu.js'
import type { LedgerDevice } from '../device.js'
import { loadCertificate } from './certificate.js'

/**
 * LOAD CERTIFICATE (B0 06): an OS command, answered whichever app is open. A refused certificate
 * unloads the previous one (`os_pki_set = 0` before parsing).
 */
export function loadCertificateCommand(device: LedgerDevice, apdu: Apdu): Uint8Array {
  device.pkiCertificate = undefined
  device.pkiCertificate = loadCertificate(device.pkiRootPublicKey, device.model, apdu.p1, apdu.data)
  return new Uint8Array()
}
