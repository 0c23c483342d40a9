import type { ExchangeFault } from '../../common/faults.js'
import type { TrezorDeviceParts } from '../deviceParts.js'
import { failureMessage } from '../failures.js'

/**
 * Applies an exchange fault to the message that reached it; `true` when the fault swallows the
 * message. `busy` answers `Failure_Busy`, `lock` asks for the PIN before the workflow goes on, and
 * `close-app` does nothing: a Trezor has no Ethereum app to close.
 */
export function applyExchangeFault(device: TrezorDeviceParts, fault: ExchangeFault): boolean {
  switch (fault.type) {
    case 'unplug':
      device.unplug()
      return true
    case 'no-answer':
    case 'busy':
      device.runner.interrupt()
      if (!device.runner.running) device.operations.end()
      if (fault.type === 'busy') {
        void device.link.send(failureMessage('Failure_Busy', 'Device is busy'))
      }
      return true
    case 'lock':
      device.locked = true
      return false
    case 'close-app':
      return false
  }
}
