import type { SendCommand } from '../types.js'

/** The OS's class byte, for LOAD CERTIFICATE. */
export const osCla = 0xb0

/**
 * LOAD CERTIFICATE (`B0 06 usage 00`): a Ledger PKI certificate for `keyUsage` (0x0B: calldata
 * descriptors). The OS checks it against Ledger's root and keeps its key for the app's next checks.
 * `sendOs` sends with CLA B0.
 */
export async function loadCertificate(
  sendOs: SendCommand,
  keyUsage: number,
  certificate: Uint8Array,
): Promise<void> {
  await sendOs(0x06, keyUsage, 0x00, certificate)
}
