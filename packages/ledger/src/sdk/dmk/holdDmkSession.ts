import type { DeviceManagementKitLike, DmkApduResponse, DmkObserver } from './types.js'

/** A purify-ts `Either`, as a DMK device action's `sendApdu` answers. */
type DmkEither = { isLeft(): boolean; extract(): unknown }

/** What a running device action is given (DMK's `InternalApi`); Airlock uses its `sendApdu`. */
type DmkInternalApi = { sendApdu(apdu: Uint8Array): Promise<DmkEither> }

/** A DMK session held for one Airlock call. */
export type DmkHold = {
  /** Sends an APDU inside the hold: DMK runs nothing else on the session meanwhile. */
  sendApdu: (apdu: Uint8Array) => Promise<DmkApduResponse>
  /** Ends the hold once the APDU in flight (if any) has settled; harmless twice. */
  release: () => void
}

/**
 * Holds a DMK session the way DMK's own signers do: as one device action. DMK runs the intents of
 * a session (device actions, `sendApdu`, `sendCommand`, the refresher's GET APP AND VERSION) one
 * at a time and skips refreshes while one runs, so the APDUs of a multi-APDU request cannot be
 * interleaved with anything. Resolves when DMK starts the action (after what was queued before);
 * rejects with `signal.reason` if the call is given up before.
 */
export function holdDmkSession(
  dmk: DeviceManagementKitLike,
  sessionId: string,
  signal: AbortSignal,
): Promise<DmkHold> {
  signal.throwIfAborted()
  return new Promise((resolve, reject) => {
    let started = false
    let inFlight: Promise<unknown> = Promise.resolve()
    let released = false

    const deviceAction = {
      input: undefined,
      _execute: (api: DmkInternalApi) => ({
        observable: {
          subscribe(observer: DmkObserver<unknown>) {
            started = true
            signal.removeEventListener('abort', onAbort)
            resolve({
              sendApdu(apdu) {
                const sent = api.sendApdu(apdu).then(unwrap)
                inFlight = sent.catch(() => {})
                return sent
              },
              release() {
                if (released) return
                released = true
                inFlight.then(() => {
                  observer.next?.({ status: 'completed', output: undefined })
                  observer.complete?.()
                })
              },
            })
            return { unsubscribe() {} }
          },
        },
        cancel() {},
      }),
    }

    const { cancel } = dmk.executeDeviceAction({ sessionId, deviceAction: deviceAction as never })
    function onAbort() {
      if (started) return
      cancel()
      reject(signal.reason)
    }
    if (!started) signal.addEventListener('abort', onAbort, { once: true })
  })
}

function unwrap(result: DmkEither): DmkApduResponse {
  if (result.isLeft()) throw result.extract()
  return result.extract() as DmkApduResponse
}
