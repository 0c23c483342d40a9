import type { TrezorModel } from '../models.js'
import { featuresMessage } from './features.js'

/** What the session reports about the device in `Features`. */
export type SessionDevice = {
  readonly model: TrezorModel
  readonly firmware: string
  readonly revision: string | undefined
}

/**
 * The device's session with the host: `Initialize` resumes it or starts a new one, `EndSession` and
 * unplugging end it. It also answers `Features` with the device's identity.
 */
export class TrezorSession {
  readonly #device: SessionDevice
  readonly #deviceId = randomHex(12).toUpperCase()
  #sessionId: string | undefined

  constructor(device: SessionDevice) {
    this.#device = device
  }

  /** `Initialize`: keeps the session the host names when it is the current one, else starts one. */
  initialize(requestedId: string | null | undefined): void {
    if (!requestedId || requestedId !== this.#sessionId) this.#sessionId = randomHex(32)
  }

  end(): void {
    this.#sessionId = undefined
  }

  /** The `Features` message for the device as it is now. */
  features(locked: boolean): Record<string, unknown> {
    return featuresMessage({
      ...this.#device,
      deviceId: this.#deviceId,
      label: 'Airlock emulator (TEST KEYS)',
      locked,
      sessionId: this.#sessionId,
    })
  }
}

function randomHex(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
