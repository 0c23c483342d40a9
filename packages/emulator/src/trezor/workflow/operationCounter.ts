import { isOperationRequest } from '../firmware/router.js'

/**
 * Counts the messages of the running Ethereum operation, so that an exchange fault's `atExchange`
 * lands on the message it names: the request is 0, each follow-up of the host the next. Connect's
 * own housekeeping outside an operation is not counted.
 */
export class OperationCounter {
  #index: number | undefined

  /** The index of a message of `type` in its operation, or `undefined` outside one. */
  count(type: string, workflowRunning: boolean): number | undefined {
    if (!workflowRunning && isOperationRequest(type)) this.#index = 0
    else if (workflowRunning && this.#index !== undefined) this.#index++
    return this.#index
  }

  end(): void {
    this.#index = undefined
  }
}
