import { signWithFaults } from '../../common/signing.js'
import type { EmulatorOperation } from '../../common/types.js'
import type { TrezorDeviceParts } from '../deviceParts.js'
import { confirmOnDevice } from './confirmOnDevice.js'
import { callUnlocked } from './pinEntry.js'
import type { TrezorWorkflow } from './workflow.js'

/** The workflow a firmware handler runs in, for one request of `operation`. */
export function createWorkflow(
  device: TrezorDeviceParts,
  operation: EmulatorOperation,
  signal: AbortSignal,
): TrezorWorkflow {
  return {
    model: device.model,
    firmware: device.firmware,
    keychain: device.keychain,
    call: (message, expected) => callUnlocked(device, message, expected, signal, operation),
    confirm: (kind, screens) => confirmOnDevice(device, kind, screens, signal),
    sign: (path, digest) =>
      signWithFaults(device.state.faults, path, (keyPath) => device.keychain.sign(keyPath, digest)),
  }
}
