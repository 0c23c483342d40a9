/**
 * Settles as `promise` does, or rejects with `signal.reason` as soon as `signal` aborts. A value
 * that arrives after the abort goes to `onLate` (close a transport that opened too late, say),
 * so nothing is leaked.
 */
export function raceAbortSignal<value>(
  promise: Promise<value>,
  signal: AbortSignal | undefined,
  onLate?: ((value: value) => void) | undefined,
): Promise<value> {
  if (!signal) return promise
  if (signal.aborted) {
    promise.then(onLate, () => {})
    return Promise.reject(signal.reason)
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason)
      promise.then(onLate, () => {})
    }
    signal.addEventListener('abort', onAbort, { once: true })
    promise
      .finally(() => signal.removeEventListener('abort', onAbort))
      .then(resolve, reject)
      .catch(() => {})
  })
}
