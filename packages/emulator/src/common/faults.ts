/** Faults a test can inject. Each applies to the next operation that reaches the point it names. */
export type EmulatorFault =
  /** Flip a bit of r or s in the returned signature. */
  | { readonly type: 'corrupt-signature'; readonly part?: 'r' | 's' }
  /** Sign with a key other than the one for the requested path. */
  | { readonly type: 'wrong-key' }
  /** Return the other recovery parity. */
  | { readonly type: 'wrong-v' }
  /** Unplug the device when the n-th exchange (0-based, default 0) of the next operation arrives. */
  | { readonly type: 'unplug'; readonly atExchange?: number }
  /** Never answer the n-th exchange (0-based, default 0) of the next operation. */
  | { readonly type: 'no-answer'; readonly atExchange?: number }
  /** Answer that the device is busy with another request. */
  | { readonly type: 'busy'; readonly atExchange?: number }
  /** Lock the device when the n-th exchange arrives. */
  | { readonly type: 'lock'; readonly atExchange?: number }
  /** Close the Ethereum app (Ledger: back to the dashboard) when the n-th exchange arrives. */
  | { readonly type: 'close-app'; readonly atExchange?: number }

/** A fault that strikes an exchange on the wire. */
export type ExchangeFault = Extract<EmulatorFault, { readonly atExchange?: number }>

/** A fault that spoils the next signature. */
export type SignatureFault = Exclude<EmulatorFault, ExchangeFault>

/** An exchange fault waiting in the queue, and how many exchanges reached the device since it was armed. */
export type ArmedExchangeFault = {
  readonly fault: ExchangeFault
  /** The fault's `atExchange`, 0 when it names none. */
  readonly atExchange: number
  exchangesSinceArmed: number
}

const signatureFaultTypes: ReadonlySet<EmulatorFault['type']> = new Set([
  'corrupt-signature',
  'wrong-key',
  'wrong-v',
])

/** Whether `fault` spoils a signature rather than an exchange. */
export function isSignatureFault(fault: EmulatorFault): fault is SignatureFault {
  return signatureFaultTypes.has(fault.type)
}

/**
 * The faults a test armed, in arming order, until the exchange or signature they name takes them.
 * Each fault applies once.
 */
export class FaultQueue {
  readonly #exchangeFaults: ArmedExchangeFault[] = []
  readonly #signatureFaults: SignatureFault[] = []

  arm(fault: EmulatorFault): void {
    if (isSignatureFault(fault)) this.#signatureFaults.push(fault)
    else
      this.#exchangeFaults.push({
        fault,
        atExchange: fault.atExchange ?? 0,
        exchangesSinceArmed: 0,
      })
  }

  clear(): void {
    this.#exchangeFaults.length = 0
    this.#signatureFaults.length = 0
  }

  /**
   * Call once for each exchange that reaches the device: removes and returns the first armed fault
   * that `isDue` accepts for it (the device decides how it counts exchanges), then counts the
   * exchange for the faults still armed.
   */
  takeExchangeFault(isDue: (armed: ArmedExchangeFault) => boolean): ExchangeFault | undefined {
    const index = this.#exchangeFaults.findIndex(isDue)
    const [due] = index === -1 ? [] : this.#exchangeFaults.splice(index, 1)
    for (const armed of this.#exchangeFaults) armed.exchangesSinceArmed++
    return due?.fault
  }

  /** Removes and returns what spoils the next signature: the first armed fault of each type. */
  takeSignatureFaults(): SignatureFault[] {
    const taken: SignatureFault[] = []
    for (const type of signatureFaultTypes) {
      const index = this.#signatureFaults.findIndex((fault) => fault.type === type)
      if (index !== -1) taken.push(...this.#signatureFaults.splice(index, 1))
    }
    return taken
  }
}
