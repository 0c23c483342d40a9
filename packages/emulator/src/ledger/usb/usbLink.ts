import { Buffer } from 'buffer'
import { DisconnectedDeviceDuringOperation, TransportRaceCondition } from '#hw-transport'
import type { ArmedExchangeFault } from '../../common/faults.js'
import { sleep, transferDelay } from '../../common/latency.js'
import { toHexString } from '../apdu/bytes.js'
import { dispatch } from '../apdu/dispatch.js'
import { type LedgerDevice, resetContext } from '../device.js'
import { hidFrameCount } from './hidFrames.js'

/** The emulated USB cable: plugging, latency, exchange faults and the exchange log. */
export type UsbLink = {
  readonly connected: boolean
  /** Rejects every exchange in flight, as pulling the cable does. */
  unplug: () => void
  /** Plugs the cable back in; the app forgets its flows, as after a reconnection. */
  plug: () => void
  exchange: (apdu: Uint8Array) => Promise<Buffer>
}

// What Chrome's WebHID reports when writing to a device that is gone; the transports wrap it.
const writeFailure = "Failed to execute 'sendReport' on 'HIDDevice': Failed to write the report."

// A Ledger exchange fault counts the APDUs that reach the device from the moment it is armed.
const isDue = (armed: ArmedExchangeFault) => armed.exchangesSinceArmed >= armed.atExchange

/** Creates the link to a device; `onDisconnect` lets the transport emit "disconnect". */
export function createUsbLink(device: LedgerDevice, onDisconnect: () => void): UsbLink {
  let connected = true
  let abortInFlight: ((error: Error) => void)[] = []
  const link: UsbLink = {
    get connected() {
      return connected
    },
    unplug() {
      if (!connected) return
      connected = false
      resetContext(device)
      const aborts = abortInFlight
      abortInFlight = []
      for (const abort of aborts) abort(new DisconnectedDeviceDuringOperation(writeFailure))
      onDisconnect()
    },
    plug() {
      resetContext(device)
      connected = true
    },
    async exchange(apdu) {
      if (!connected) throw new DisconnectedDeviceDuringOperation(writeFailure)
      const request = toHexString(apdu)
      const fault = device.faults.takeExchangeFault(isDue)
      if (fault?.type === 'unplug') {
        link.unplug()
        throw new DisconnectedDeviceDuringOperation(writeFailure)
      }
      if (fault?.type === 'busy') {
        throw new TransportRaceCondition(
          'An action was already pending on the Ledger device. Please deny or reconnect.',
        )
      }
      if (fault?.type === 'lock') {
        resetContext(device)
        device.locked = true
      }
      if (fault?.type === 'close-app') {
        resetContext(device)
        device.app = 'dashboard'
      }
      let abort: (error: Error) => void = () => {}
      const aborted = new Promise<never>((_, reject) => {
        abort = reject
        abortInFlight.push(reject)
      })
      aborted.catch(() => {})
      if (fault?.type === 'no-answer') {
        device.exchanges.push({ request, response: '' })
        return aborted
      }
      try {
        const requestDelay = transferDelay(device.latency, hidFrameCount(apdu.length), true)
        await Promise.race([sleep(requestDelay), aborted])
        const response = await Promise.race([dispatch(device, apdu), aborted])
        const responseDelay = transferDelay(device.latency, hidFrameCount(response.length), false)
        await Promise.race([sleep(responseDelay), aborted])
        device.exchanges.push({ request, response: toHexString(response) })
        return Buffer.from(response)
      } finally {
        abortInFlight = abortInFlight.filter((entry) => entry !== abort)
      }
    },
  }
  return link
}
