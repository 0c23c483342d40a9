import type { EmulatorState } from '../../common/emulatorState.js'
import { sleep, transferDelay } from '../../common/latency.js'
import { countReports, type WireFrame } from '../usb/framing.js'
import type { ReportPipe } from '../usb/reportPipe.js'
import {
  decodeWireMessage,
  describeWireMessage,
  encodeWireMessage,
  type WireMessage,
} from './codec.js'

type Request = { readonly text: string; readonly reports: number }

/**
 * The device's message layer on the USB pipe: it decodes what the host sends, sends answers after
 * the cable's latency, and logs each request with its answer in `state.exchanges`.
 */
export class MessageLink {
  readonly #state: Pick<EmulatorState, 'latency' | 'exchanges'>
  readonly #pipe: ReportPipe
  #request: Request | undefined

  constructor(state: Pick<EmulatorState, 'latency' | 'exchanges'>, pipe: ReportPipe) {
    this.#state = state
    this.#pipe = pipe
  }

  /** Decodes a frame the host wrote and remembers it as the request the next answer answers. */
  receive(frame: WireFrame): WireMessage {
    const message = decodeWireMessage(frame)
    this.#request = {
      text: describeWireMessage(message),
      reports: countReports(frame.payload.length),
    }
    return message
  }

  /** Sends `message` to the host; dropped when the cable is pulled during the latency. */
  async send(message: WireMessage): Promise<void> {
    const generation = this.#pipe.generation
    const frame = encodeWireMessage(message)
    const reports = (this.#request?.reports ?? 0) + countReports(frame.payload.length)
    const delay = transferDelay(this.#state.latency, reports, true)
    if (delay > 0) await sleep(delay)
    if (generation !== this.#pipe.generation) return
    this.#state.exchanges.push({
      request: this.#request?.text ?? '',
      response: describeWireMessage(message),
    })
    this.#request = undefined
    this.#pipe.send(frame)
  }
}
