import type {
  EmulatorExchange,
  EmulatorFault,
  EmulatorLatency,
  EmulatorOperation,
  EmulatorReview,
  EmulatorUser,
} from '../shared/types.js'
import { testMnemonic } from '../shared/types.js'
import {
  decodeWireMessage,
  describeWireMessage,
  encodeWireMessage,
  type WireMessage,
} from './codec.js'
import {
  TrezorDeviceDisconnectedError,
  TrezorDeviceFailure,
  TrezorWorkflowInterrupted,
} from './failures.js'
import { featuresMessage } from './features.js'
import { firmwareRoutes, isOperationRequest } from './firmware/router.js'
import { countReports, createReportReader, encodeReports } from './framing.js'
import { createKeychain, type DigestSignature, type TrezorKeychain } from './keychain.js'
import {
  resolveTrezorModel,
  type TrezorModel,
  type TrezorModelName,
  trezorModels,
} from './models.js'
import type { ConfirmScreen, TrezorWorkflow } from './workflow.js'

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

type Waiter = {
  readonly expected: readonly string[]
  readonly resolve: (message: WireMessage) => void
  readonly reject: (error: Error) => void
}

type Running = { readonly abort: AbortController; done: Promise<void> }

const exchangeFaults = new Set(['unplug', 'no-answer', 'busy', 'lock', 'close-app'])
const lockFree = new Set([
  'Initialize',
  'GetFeatures',
  'Cancel',
  'LockDevice',
  'EndSession',
  'Ping',
])

/**
 * An emulated Trezor at the USB-report level: it reassembles 64-byte reports written by the host,
 * answers the real firmware protobuf messages and queues its answers as reports to read.
 *
 * TEST KEYS ONLY: it holds a mnemonic in memory. Never give it one that guards real funds.
 */
export class TrezorDevice {
  readonly model: TrezorModel
  readonly firmware: string
  readonly reviews: EmulatorReview[] = []
  readonly exchanges: EmulatorExchange[] = []
  user: EmulatorUser
  latency: EmulatorLatency
  locked = false
  connected = true

  readonly #keychain: TrezorKeychain
  readonly #revision: string | undefined
  readonly #deviceId: string
  readonly #faults: EmulatorFault[] = []
  readonly #connectionListeners = new Set<(connected: boolean) => void>()
  #reader = createReportReader()
  #outbox: Uint8Array[] = []
  #readers: { resolve: (report: Uint8Array) => void; reject: (error: Error) => void }[] = []
  #waiter: Waiter | undefined
  #running: Running | undefined
  #operation: { index: number } | undefined
  #request: { text: string; reports: number } | undefined
  #sessionId: string | undefined
  #generation = 0

  constructor(options: TrezorDeviceOptions = {}) {
    this.model = resolveTrezorModel(options.model ?? 'T3T1')
    const info = trezorModels[this.model]
    this.firmware = options.firmware ?? info.firmware
    this.#revision =
      options.revision ?? (this.firmware === info.firmware ? info.revision : undefined)
    this.#keychain = createKeychain(options.mnemonic ?? testMnemonic, options.passphrase ?? '')
    this.user = options.user ?? 'approve'
    this.latency = options.latency ?? 0
    this.#deviceId = randomHex(12).toUpperCase()
  }

  /** Host → device: one 64-byte report. */
  write(report: Uint8Array): void {
    if (!this.connected) throw new TrezorDeviceDisconnectedError()
    const frame = this.#reader.push(report)
    if (!frame) return
    const message = decodeWireMessage(frame)
    this.#request = {
      text: describeWireMessage(message),
      reports: countReports(frame.payload.length),
    }
    this.#accept(message)
  }

  /** Device → host: the next 64-byte report, once the device has one. */
  read(): Promise<Uint8Array> {
    if (!this.connected) return Promise.reject(new TrezorDeviceDisconnectedError())
    const report = this.#outbox.shift()
    if (report) return Promise.resolve(report)
    return new Promise((resolve, reject) => this.#readers.push({ resolve, reject }))
  }

  /** Drops reads the host no longer waits for (its read was aborted). */
  cancelReads(): void {
    for (const reader of this.#readers.splice(0)) reader.reject(new TrezorWorkflowInterrupted())
  }

  injectFault(fault: EmulatorFault): void {
    this.#faults.push(fault)
  }

  /** Unplugs the cable: the running workflow ends, the session is lost, reads fail. */
  unplug(): void {
    if (!this.connected) return
    this.connected = false
    this.#generation++
    this.#interrupt()
    this.#outbox = []
    this.#reader = createReportReader()
    this.#sessionId = undefined
    for (const reader of this.#readers.splice(0)) reader.reject(new TrezorDeviceDisconnectedError())
    for (const listener of this.#connectionListeners) listener(false)
  }

  plug(): void {
    if (this.connected) return
    this.connected = true
    for (const listener of this.#connectionListeners) listener(true)
  }

  /** Subscribes to plug/unplug; returns the unsubscribe function. */
  onConnectionChange(listener: (connected: boolean) => void): () => void {
    this.#connectionListeners.add(listener)
    return () => this.#connectionListeners.delete(listener)
  }

  clearLogs(): void {
    this.reviews.length = 0
    this.exchanges.length = 0
  }

  #accept(message: WireMessage): void {
    if (!this.#running && isOperationRequest(message.type)) {
      this.#operation = { index: 0 }
    } else if (this.#running && this.#operation) {
      this.#operation.index++
    }
    const fault = this.#operation ? this.#takeExchangeFault(this.#operation.index) : undefined
    if (fault && this.#applyExchangeFault(fault)) return
    if (!this.#deliver(message)) this.#start(message)
  }

  /** Applies a fault at the current exchange; `true` when the message is swallowed by it. */
  #applyExchangeFault(fault: EmulatorFault): boolean {
    switch (fault.type) {
      case 'unplug':
        this.unplug()
        return true
      case 'no-answer':
      case 'busy':
        this.#interrupt()
        if (!this.#running) this.#operation = undefined
        if (fault.type === 'busy') void this.#send(failure('Failure_Busy', 'Device is busy'))
        return true
      case 'lock':
        this.locked = true
        return false
      default:
        // 'close-app' has no Trezor equivalent: the Ethereum app is always there.
        return false
    }
  }

  /** Hands the message to the running workflow; `false` when it starts a new one. */
  #deliver(message: WireMessage): boolean {
    const waiter = this.#waiter
    if (waiter) {
      this.#waiter = undefined
      if (message.type === 'Cancel') waiter.reject(this.#cancelled())
      else if (waiter.expected.includes(message.type)) waiter.resolve(message)
      else {
        // Anything else ends the workflow and is handled on its own, as the firmware does.
        waiter.reject(new TrezorWorkflowInterrupted())
        return false
      }
      return true
    }
    if (this.#running && message.type === 'Cancel') {
      this.#running.abort.abort(this.#cancelled())
      return true
    }
    if (this.#running) this.#interrupt()
    return false
  }

  #start(message: WireMessage): void {
    const previous = this.#running?.done ?? Promise.resolve()
    const abort = new AbortController()
    const running: Running = { abort, done: Promise.resolve() }
    running.done = previous.then(() => this.#run(message, abort.signal))
    this.#running = running
    void running.done.finally(() => {
      if (this.#running === running) {
        this.#running = undefined
        this.#operation = undefined
      }
    })
  }

  async #run(message: WireMessage, signal: AbortSignal): Promise<void> {
    try {
      const answer = await this.#handle(message, signal)
      await this.#send(answer)
    } catch (error) {
      if (error instanceof TrezorDeviceFailure) await this.#send(failure(error.code, error.message))
      else if (!(error instanceof TrezorWorkflowInterrupted)) {
        await this.#send(
          failure('Failure_FirmwareError', String((error as Error)?.message ?? error)),
        )
      }
    }
  }

  async #handle(message: WireMessage, signal: AbortSignal): Promise<WireMessage> {
    switch (message.type) {
      case 'Initialize':
        if (!message.message.session_id || message.message.session_id !== this.#sessionId) {
          this.#sessionId = this.#newSessionId()
        }
        return { type: 'Features', message: this.#features() }
      case 'GetFeatures':
        return { type: 'Features', message: this.#features() }
      case 'Cancel':
        throw this.#cancelled()
      case 'LockDevice':
        this.locked = true
        return { type: 'Success', message: {} }
      case 'EndSession':
        this.#sessionId = undefined
        return { type: 'Success', message: {} }
    }
    const route = firmwareRoutes[message.type]
    if (!route) throw new TrezorDeviceFailure('Failure_UnexpectedMessage', 'Unexpected message')
    const workflow = this.#workflow(signal, route.operation)
    if (this.locked && !lockFree.has(message.type)) await this.#unlock(signal, route.operation)
    return route.handler(message, workflow)
  }

  #workflow(signal: AbortSignal, operation: EmulatorOperation): TrezorWorkflow {
    return {
      model: this.model,
      keychain: this.#keychain,
      call: (message, expected) => this.#callUnlocked(message, expected, signal, operation),
      confirm: (kind, screens) => this.#confirm(kind, screens, signal),
      sign: (path, digest) => this.#sign(path, digest),
    }
  }

  async #call(
    message: WireMessage,
    expected: readonly string[],
    signal: AbortSignal,
  ): Promise<WireMessage> {
    if (signal.aborted) throw signal.reason
    const answer = new Promise<WireMessage>((resolve, reject) => {
      this.#waiter = { expected, resolve, reject }
    })
    await this.#send(message)
    return answer
  }

  /** `#call`, and the PIN first when the device locked meanwhile (the `lock` fault). */
  async #callUnlocked(
    message: WireMessage,
    expected: readonly string[],
    signal: AbortSignal,
    operation: EmulatorOperation,
  ): Promise<WireMessage> {
    const answer = await this.#call(message, expected, signal)
    if (this.locked) await this.#unlock(signal, operation)
    return answer
  }

  async #confirm(
    operation: EmulatorOperation,
    screens: readonly ConfirmScreen[],
    signal: AbortSignal,
  ): Promise<void> {
    const review: EmulatorReview = {
      operation,
      screens: screens.map(({ title, value }) => ({ title, value })),
      outcome: 'pending',
    }
    this.reviews.push(review)
    for (const [index, screen] of screens.entries()) {
      const button = { code: screen.code ?? 'ButtonRequest_Other', pages: 1, name: screen.name }
      await this.#callUnlocked(
        { type: 'ButtonRequest', message: button },
        ['ButtonAck'],
        signal,
        operation,
      )
      const decision = await this.#decide(review.screens[index]!, review, signal)
      if (decision === 'reject') {
        review.outcome = 'rejected'
        throw this.#cancelled()
      }
    }
    review.outcome = 'approved'
  }

  async #decide(
    screen: EmulatorReview['screens'][number],
    review: EmulatorReview,
    signal: AbortSignal,
  ) {
    const user = this.user
    if (typeof user === 'string') return user
    const aborted = new Promise<never>((_, reject) => {
      if (signal.aborted) reject(signal.reason)
      signal.addEventListener('abort', () => reject(signal.reason), { once: true })
    })
    return Promise.race([Promise.resolve().then(() => user(screen, review)), aborted])
  }

  /** Locked: PIN entry on the device (T2T1, T3T1) or on the host's PIN matrix (T1B1). */
  async #unlock(signal: AbortSignal, operation: EmulatorOperation): Promise<void> {
    const review: EmulatorReview = {
      operation,
      screens: [{ title: 'Enter PIN', value: 'Device locked' }],
      outcome: 'pending',
    }
    this.reviews.push(review)
    if (this.model === 'T1B1') {
      const request = { type: 'PinMatrixRequestType_Current' }
      await this.#call({ type: 'PinMatrixRequest', message: request }, ['PinMatrixAck'], signal)
    } else {
      const button = { code: 'ButtonRequest_PinEntry', name: 'pin_device' }
      await this.#call({ type: 'ButtonRequest', message: button }, ['ButtonAck'], signal)
    }
    if ((await this.#decide(review.screens[0]!, review, signal)) === 'reject') {
      review.outcome = 'rejected'
      throw new TrezorDeviceFailure('Failure_PinCancelled', 'PIN entry cancelled')
    }
    review.outcome = 'approved'
    this.locked = false
  }

  #sign(path: readonly number[], digest: Uint8Array): DigestSignature {
    const wrongKey = this.#takeFault('wrong-key')
    const otherPath = [...path.slice(0, -1), ((path.at(-1) ?? 0) + 1) >>> 0]
    const signature = this.#keychain.sign(wrongKey ? otherPath : path, digest)
    let { r, s, recovery } = signature
    const corrupt = this.#takeFault('corrupt-signature')
    if (corrupt?.type === 'corrupt-signature') {
      if (corrupt.part === 's') s = flipLastBit(s)
      else r = flipLastBit(r)
    }
    if (this.#takeFault('wrong-v')) recovery = recovery === 0 ? 1 : 0
    return { r, s, recovery }
  }

  async #send(message: WireMessage): Promise<void> {
    const generation = this.#generation
    const frame = encodeWireMessage(message)
    const delay = this.#delay(countReports(frame.payload.length))
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay))
    if (generation !== this.#generation) return
    this.exchanges.push({
      request: this.#request?.text ?? '',
      response: describeWireMessage(message),
    })
    this.#request = undefined
    for (const report of encodeReports(frame)) {
      const reader = this.#readers.shift()
      if (reader) reader.resolve(report)
      else this.#outbox.push(report)
    }
  }

  #delay(responseReports: number): number {
    const latency = this.latency
    if (typeof latency === 'number') return latency
    return latency.perFrame * ((this.#request?.reports ?? 0) + responseReports)
  }

  #interrupt(): void {
    const waiter = this.#waiter
    this.#waiter = undefined
    waiter?.reject(new TrezorWorkflowInterrupted())
    this.#running?.abort.abort(new TrezorWorkflowInterrupted())
  }

  #cancelled(): TrezorDeviceFailure {
    const text = this.model === 'T1B1' ? 'Action cancelled' : 'Cancelled'
    return new TrezorDeviceFailure('Failure_ActionCancelled', text)
  }

  #takeExchangeFault(index: number): EmulatorFault | undefined {
    const at = this.#faults.findIndex(
      (fault) =>
        exchangeFaults.has(fault.type) &&
        ('atExchange' in fault ? (fault.atExchange ?? 0) : 0) === index,
    )
    return at === -1 ? undefined : this.#faults.splice(at, 1)[0]
  }

  #takeFault(type: EmulatorFault['type']): EmulatorFault | undefined {
    const at = this.#faults.findIndex((fault) => fault.type === type)
    return at === -1 ? undefined : this.#faults.splice(at, 1)[0]
  }

  #features(): Record<string, unknown> {
    return featuresMessage({
      model: this.model,
      firmware: this.firmware,
      revision: this.#revision,
      deviceId: this.#deviceId,
      label: 'Airlock emulator (TEST KEYS)',
      locked: this.locked,
      sessionId: this.#sessionId,
    })
  }

  #newSessionId(): string {
    return randomHex(32)
  }

  toString(): string {
    return `TrezorDevice(${this.model} ${this.firmware}, TEST KEYS ONLY)`
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this.toString()
  }
}

function failure(code: string, message: string): WireMessage {
  return { type: 'Failure', message: { code, message } }
}

function flipLastBit(bytes: Uint8Array): Uint8Array {
  const copy = bytes.slice()
  copy[copy.length - 1]! ^= 1
  return copy
}

function randomHex(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
