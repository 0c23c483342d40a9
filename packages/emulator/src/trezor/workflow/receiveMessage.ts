import type { ArmedExchangeFault } from '../../common/faults.js'
import type { TrezorDeviceParts } from '../deviceParts.js'
import type { WireMessage } from '../wire/codec.js'
import { dispatch } from './dispatch.js'
import { applyExchangeFault } from './exchangeFaults.js'

/**
 * A message from the host reaches the device: an exchange fault armed for it strikes first, then the
 * running workflow takes the message or a new workflow starts with it.
 */
export function receiveMessage(device: TrezorDeviceParts, message: WireMessage): void {
  const index = device.operations.count(message.type, device.runner.running)
  const isDue = (armed: ArmedExchangeFault) => armed.atExchange === index
  const fault = index === undefined ? undefined : device.state.faults.takeExchangeFault(isDue)
  if (fault && applyExchangeFault(device, fault)) return
  if (!device.runner.deliver(message)) {
    device.runner.start((signal) => dispatch(device, message, signal))
  }
}
