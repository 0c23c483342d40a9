import { TrezorDeviceDisconnectedError, TrezorWorkflowInterrupted } from '../failures.js'
import { createReportReader, encodeReports, type WireFrame } from './framing.js'

type PendingRead = {
  readonly resolve: (report: Uint8Array) => void
  readonly reject: (error: Error) => void
}

/**
 * The device's end of the USB cable: the 64-byte reports the host writes are reassembled into
 * frames, and the frames the device sends are queued as reports for the host to read. Unplugging
 * drops both directions.
 */
export class ReportPipe {
  readonly #onFrame: (frame: WireFrame) => void
  readonly #listeners = new Set<(connected: boolean) => void>()
  #connected = true
  #generation = 0
  #reader = createReportReader()
  #outbox: Uint8Array[] = []
  #reads: PendingRead[] = []

  /** `onFrame` receives each message the host has finished writing. */
  constructor(onFrame: (frame: WireFrame) => void) {
    this.#onFrame = onFrame
  }

  get connected(): boolean {
    return this.#connected
  }

  /** Changes at every unplug, so that an answer prepared before it is never sent after it. */
  get generation(): number {
    return this.#generation
  }

  /** Host → device: one 64-byte report. */
  write(report: Uint8Array): void {
    if (!this.#connected) throw new TrezorDeviceDisconnectedError()
    const frame = this.#reader.push(report)
    if (frame) this.#onFrame(frame)
  }

  /** Device → host: the next 64-byte report, once the device has one. */
  read(): Promise<Uint8Array> {
    if (!this.#connected) return Promise.reject(new TrezorDeviceDisconnectedError())
    const report = this.#outbox.shift()
    if (report) return Promise.resolve(report)
    return new Promise((resolve, reject) => this.#reads.push({ resolve, reject }))
  }

  /** Drops reads the host no longer waits for (its read was aborted). */
  cancelReads(): void {
    for (const read of this.#reads.splice(0)) read.reject(new TrezorWorkflowInterrupted())
  }

  /** Queues `frame` as reports for the host, handing them to waiting reads first. */
  send(frame: WireFrame): void {
    for (const report of encodeReports(frame)) {
      const read = this.#reads.shift()
      if (read) read.resolve(report)
      else this.#outbox.push(report)
    }
  }

  /** Pulls the cable: half-written messages and unread reports are lost, waiting reads fail. */
  unplug(): void {
    if (!this.#connected) return
    this.#connected = false
    this.#generation++
    this.#outbox = []
    this.#reader = createReportReader()
    for (const read of this.#reads.splice(0)) read.reject(new TrezorDeviceDisconnectedError())
    for (const listener of this.#listeners) listener(false)
  }

  plug(): void {
    if (this.#connected) return
    this.#connected = true
    for (const listener of this.#listeners) listener(true)
  }

  /** Subscribes to plug/unplug; returns the unsubscribe function. */
  onConnectionChange(listener: (connected: boolean) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
