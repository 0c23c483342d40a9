import type Transport from '@ledgerhq/hw-transport'
import { loadHwTransport } from '../loadHwTransport.js'
import { type DmkHold, holdDmkSession } from './holdDmkSession.js'
import type { DmkApduResponse, FromDeviceManagementKitParameters } from './types.js'

/** A Transport over a DMK session that the driver holds for each call (`sdk/holdTransport`). */
export type DmkTransport = Transport & {
  hold: (signal: AbortSignal) => Promise<() => void>
}

/**
 * A hw-transport-shaped Transport over a DMK session: raw APDUs through `dmk.sendApdu` (or the
 * held device action's), answers as `data ‖ status word` like every hw-transport. A session that
 * DMK closes (the device went away) is reported as `disconnect`.
 */
export async function openDmkTransport({
  dmk,
  sessionId,
}: FromDeviceManagementKitParameters): Promise<Transport> {
  const { Buffer } = await loadHwTransport()
  const id = typeof sessionId === 'function' ? await sessionId() : sessionId
  // Throws DMK's DeviceSessionNotFound for a session that is gone.
  const { modelId } = dmk.getConnectedDevice({ sessionId: id })
  const listeners = new Set<(error?: unknown) => void>()
  const onEnd = () => {
    for (const listener of listeners) listener()
  }
  const state = dmk
    .getDeviceSessionState({ sessionId: id })
    .subscribe({ complete: onEnd, error: onEnd })
  let hold: DmkHold | undefined

  const transport = {
    deviceModel: { id: modelId },

    async exchange(apdu: Buffer): Promise<Buffer> {
      const bytes = new Uint8Array(apdu.buffer, apdu.byteOffset, apdu.byteLength)
      const response: DmkApduResponse = hold
        ? await hold.sendApdu(bytes)
        : await dmk.sendApdu({ sessionId: id, apdu: bytes })
      return Buffer.concat([Buffer.from(response.data), Buffer.from(response.statusCode)])
    },

    async hold(signal: AbortSignal): Promise<() => void> {
      const held = await holdDmkSession(dmk, id, signal)
      hold = held
      return () => {
        if (hold === held) hold = undefined
        held.release()
      }
    },

    on(event: string, listener: () => void) {
      if (event === 'disconnect') listeners.add(listener)
    },
    off(event: string, listener: () => void) {
      if (event === 'disconnect') listeners.delete(listener)
    },
    setScrambleKey() {},

    // The session is the app's: Airlock stops listening and leaves it open.
    async close() {
      state.unsubscribe()
      listeners.clear()
    },
  }
  return transport as unknown as DmkTransport
}
