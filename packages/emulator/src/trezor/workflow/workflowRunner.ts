import { TrezorWorkflowInterrupted } from '../failures.js'
import type { WireMessage } from '../wire/codec.js'

type Waiter = {
  readonly expected: readonly string[]
  readonly resolve: (message: WireMessage) => void
  readonly reject: (error: Error) => void
}

type Running = { readonly abort: AbortController; done: Promise<void> }

export type WorkflowRunnerOptions = {
  /** Sends a message to the host. */
  readonly send: (message: WireMessage) => Promise<void>
  /** The failure a `Cancel` from the host ends the workflow in. */
  readonly cancelled: () => Error
  /** Called when the last workflow has ended. */
  readonly onIdle: () => void
}

/**
 * Runs the firmware's workflows one at a time: a request starts one, the host's answers reach the
 * call waiting for them, and `Cancel` or any unexpected message ends it, as on the device.
 */
export class WorkflowRunner {
  readonly #options: WorkflowRunnerOptions
  #waiter: Waiter | undefined
  #running: Running | undefined

  constructor(options: WorkflowRunnerOptions) {
    this.#options = options
  }

  get running(): boolean {
    return this.#running !== undefined
  }

  /** Hands `message` to the running workflow; `false` when the message starts a workflow of its own. */
  deliver(message: WireMessage): boolean {
    const waiter = this.#waiter
    if (waiter) {
      this.#waiter = undefined
      if (message.type === 'Cancel') waiter.reject(this.#options.cancelled())
      else if (waiter.expected.includes(message.type)) waiter.resolve(message)
      else {
        // Anything else ends the workflow and is handled on its own, as the firmware does.
        waiter.reject(new TrezorWorkflowInterrupted())
        return false
      }
      return true
    }
    if (this.#running && message.type === 'Cancel') {
      this.#running.abort.abort(this.#options.cancelled())
      return true
    }
    if (this.#running) this.interrupt()
    return false
  }

  /** Starts a workflow once the previous one has ended; `signal` aborts when it is interrupted. */
  start(workflow: (signal: AbortSignal) => Promise<void>): void {
    const previous = this.#running?.done ?? Promise.resolve()
    const abort = new AbortController()
    const running: Running = { abort, done: Promise.resolve() }
    running.done = previous.then(() => workflow(abort.signal))
    this.#running = running
    void running.done.finally(() => {
      if (this.#running === running) {
        this.#running = undefined
        this.#options.onIdle()
      }
    })
  }

  /** Sends `message` to the host and waits for its answer, one of the `expected` types. */
  async call(
    message: WireMessage,
    expected: readonly string[],
    signal: AbortSignal,
  ): Promise<WireMessage> {
    if (signal.aborted) throw signal.reason
    const answer = new Promise<WireMessage>((resolve, reject) => {
      this.#waiter = { expected, resolve, reject }
    })
    await this.#options.send(message)
    return answer
  }

  /** Ends the running workflow without an answer (unplug, injected fault, a new request). */
  interrupt(): void {
    const waiter = this.#waiter
    this.#waiter = undefined
    waiter?.reject(new TrezorWorkflowInterrupted())
    this.#running?.abort.abort(new TrezorWorkflowInterrupted())
  }
}
