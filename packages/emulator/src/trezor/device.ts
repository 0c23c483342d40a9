import { createEmulatorState } from '../common/emulatorState.js'
import type { EmulatorExchange } from '../common/exchanges.js'
import type { EmulatorFault } from '../common/faults.js'
import type { EmulatorLatency } from '../common/latency.js'
import { testMnemonic } from '../common/testMnemonic.js'
import type { EmulatorReview } from '../common/types.js'
import type { EmulatorUser } from '../common/user.js'
import type { TrezorDeviceParts } from './deviceParts.js'
import { actionCancelled } from './failures.js'
import { createKeychain } from './keys/keychain.js'
import {
  resolveTrezorModel,
  type TrezorModel,
  type TrezorModelName,
  trezorModels,
} from './models.js'
import { TrezorSession } from './session/session.js'
import { ReportPipe } from './usb/reportPipe.js'
import { MessageLink } from './wire/messageLink.js'
import { OperationCounter } from './workflow/operationCounter.js'
import { receiveMessage } from './workflow/receiveMessage.js'
import { WorkflowRunner } from './workflow/workflowRunner.js'

/** Options of the emulated device. TEST KEYS ONLY. */
export type TrezorDeviceOptions = {
  /** BIP-39 mnemonic. @default testMnemonic */
  readonly mnemonic?: string
  /** BIP-39 passphrase, as if the hidden wallet was already opened on the device. @default '' */
  readonly passphrase?: string
  /** @default 'T3T1' */
  readonly model?: TrezorModelName
  /** Firmware version `major.minor.patch`. @default the latest release bundled with Connect 9.7.3 */
  readonly firmware?: string
  /** Firmware revision (commit hash) reported in `Features`. @default Connect's bundled one */
  readonly revision?: string
  /** @default 'approve' */
  readonly user?: EmulatorUser
  readonly latency?: EmulatorLatency
}

/**
 * An emulated Trezor at the USB-report level: it reassembles 64-byte reports written by the host
 * (`usb/`), answers the real firmware protobuf messages (`wire/`, `session/`, `workflow/`,
 * `firmware/`) and queues its answers as reports to read.
 *
 * TEST KEYS ONLY: it holds a mnemonic in memory. Never give it one that guards real funds.
 */
export class TrezorDevice {
  readonly model: TrezorModel
  readonly firmware: string
  readonly #parts: TrezorDeviceParts
  readonly #pipe: ReportPipe

  constructor(options: TrezorDeviceOptions = {}) {
    const model = resolveTrezorModel(options.model ?? 'T3T1')
    const info = trezorModels[model]
    const firmware = options.firmware ?? info.firmware
    const revision = options.revision ?? (firmware === info.firmware ? info.revision : undefined)
    const keychain = createKeychain(options.mnemonic ?? testMnemonic, options.passphrase ?? '')
    const state = createEmulatorState(options)
    const pipe = new ReportPipe((frame) => receiveMessage(parts, link.receive(frame)))
    const link = new MessageLink(state, pipe)
    const operations = new OperationCounter()
    const parts: TrezorDeviceParts = {
      model,
      firmware,
      keychain,
      state,
      link,
      session: new TrezorSession({ model, firmware, revision }),
      runner: new WorkflowRunner({
        send: (message) => link.send(message),
        cancelled: () => actionCancelled(model),
        onIdle: () => operations.end(),
      }),
      operations,
      locked: false,
      unplug: () => this.unplug(),
    }
    this.model = model
    this.firmware = firmware
    this.#parts = parts
    this.#pipe = pipe
  }

  /** Every review (screens and outcome) the device showed, oldest first. */
  get reviews(): EmulatorReview[] {
    return this.#parts.state.reviews
  }

  /** Every message pair on the wire, oldest first. */
  get exchanges(): EmulatorExchange[] {
    return this.#parts.state.exchanges
  }

  get user(): EmulatorUser {
    return this.#parts.state.user
  }

  set user(user: EmulatorUser) {
    this.#parts.state.user = user
  }

  get latency(): EmulatorLatency {
    return this.#parts.state.latency
  }

  set latency(latency: EmulatorLatency) {
    this.#parts.state.latency = latency
  }

  /** Locked: the next request that needs keys asks for the PIN first. */
  get locked(): boolean {
    return this.#parts.locked
  }

  set locked(locked: boolean) {
    this.#parts.locked = locked
  }

  get connected(): boolean {
    return this.#pipe.connected
  }

  /** Host → device: one 64-byte report. */
  write(report: Uint8Array): void {
    this.#pipe.write(report)
  }

  /** Device → host: the next 64-byte report, once the device has one. */
  read(): Promise<Uint8Array> {
    return this.#pipe.read()
  }

  /** Drops reads the host no longer waits for (its read was aborted). */
  cancelReads(): void {
    this.#pipe.cancelReads()
  }

  injectFault(fault: EmulatorFault): void {
    this.#parts.state.faults.arm(fault)
  }

  clearFaults(): void {
    this.#parts.state.faults.clear()
  }

  /** Unplugs the cable: the running workflow ends, the session is lost, reads fail. */
  unplug(): void {
    if (!this.#pipe.connected) return
    this.#parts.runner.interrupt()
    this.#parts.session.end()
    this.#pipe.unplug()
  }

  plug(): void {
    this.#pipe.plug()
  }

  /** Subscribes to plug/unplug; returns the unsubscribe function. */
  onConnectionChange(listener: (connected: boolean) => void): () => void {
    return this.#pipe.onConnectionChange(listener)
  }

  clearLogs(): void {
    this.#parts.state.reviews.length = 0
    this.#parts.state.exchanges.length = 0
  }

  toString(): string {
    return `TrezorDevice(${this.model} ${this.firmware}, TEST KEYS ONLY)`
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString()
  }
}
