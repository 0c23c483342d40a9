import {
  DisconnectedDeviceDuringOperation,
  TransportRaceCondition,
} from '@ledgerhq/hw-transport/errors'
import { Buffer } from 'buffer'
import type { EmulatorExchange, EmulatorFault, EmulatorLatency } from '../shared/types.js'
import { toHexString } from './bytes.js'
import { type LedgerDevice, resetContext } from './device.js'
import { dispatch } from './dispatch.js'
import { latencyFor, sleep } from './latency.js'

type ExchangeFault = Extract<EmulatorFault, { atExchange?: number }>

/** The emulated USB connection: latency, plugging, exchange faults and the exchange log. */
export type UsbLink = {
  plugged: boolean
  latency: EmulatorLatency
  readonly exchanges: EmulatorExchange[]
  readonly exchangeFaults: { fault: ExchangeFault; remaining: number }[]
  /** Rejects every exchange in flight, as pulling the cable does. */
  unplug: () => void
  exchange: (apdu: Uint8Array) => Promise<Buffer>
}

// What Chrome's WebHID reports when writing to a device that is gone; the transports wrap it.
const writeFailure = "Failed to execute 'sendReport' on 'HIDDevice': Failed to write the report."

/** Creates the link to a device; `onDisconnect` lets the transport emit "disconnect". */
export function createUsbLink(
  device: LedgerDevice,
  latency: EmulatorLatency,
  onDisconnect: () => void,
): UsbLink {
  let abortInFlight: ((error: Error) => void)[] = []
  const link: UsbLink = {
    plugged: true,
    latency,
    exchanges: [],
    exchangeFaults: [],
    unplug() {
      if (!link.plugged) return
      link.plugged = false
      resetContext(device)
      const aborts = abortInFlight
      abortInFlight = []
      for (const abort of aborts) abort(new DisconnectedDeviceDuringOperation(writeFailure))
      onDisconnect()
    },
    async exchange(apdu) {
      if (!link.plugged) throw new DisconnectedDeviceDuringOperation(writeFailure)
      const request = toHexString(apdu)
      const fault = takeDueFault(link)
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
        link.exchanges.push({ request, response: '' })
        return aborted
      }
      try {
        await Promise.race([sleep(latencyFor(link.latency, apdu.length, true)), aborted])
        const response = await Promise.race([dispatch(device, apdu), aborted])
        await Promise.race([sleep(latencyFor(link.latency, response.length, false)), aborted])
        link.exchanges.push({ request, response: toHexString(response) })
        return Buffer.from(response)
      } finally {
        abortInFlight = abortInFlight.filter((entry) => entry !== abort)
      }
    },
  }
  return link
}

function takeDueFault(link: UsbLink): ExchangeFault | undefined {
  let due: ExchangeFault | undefined
  for (const entry of [...link.exchangeFaults]) {
    if (entry.remaining > 0) {
      entry.remaining--
      continue
    }
    if (!due) {
      due = entry.fault
      link.exchangeFaults.splice(link.exchangeFaults.indexOf(entry), 1)
    }
  }
  return due
}
