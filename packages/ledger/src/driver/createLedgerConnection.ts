import type { DeviceContext } from '@airlock/core'
import { raceAbortSignal } from '@airlock/core/utils'
import { resolveTransport } from '../sdk/resolveTransport.js'
import type { LedgerTransport, OpenLedgerTransport } from '../types.js'

/** One connection to the device: the transport and what was learnt about the app on it. */
export type LedgerSession = {
  transport: OpenLedgerTransport
  /** Opened by Airlock (a name or a factory), so Airlock closes it. */
  owned: boolean
  /** The Ethereum app version, read once per session; cleared when the app is found closed. */
  version?: string | undefined
  /** Full EIP-712 already failed on this session (the app answered 0x6D00). */
  fullTypedDataRefused: boolean
  onDisconnect: () => void
}

/** The driver's hold on the device: at most one session, opened on demand. */
export type LedgerConnection = {
  /** The current session, or a new one on a newly opened transport. */
  connect: (context: DeviceContext) => Promise<LedgerSession>
  /** Drops `stale` if it is still the session: stops listening, closes a transport Airlock opened. */
  forget: (stale: LedgerSession) => void
  close: () => void
}

/** Opens and keeps the connection that the `transport` option describes. */
export function createLedgerConnection(transport: LedgerTransport | undefined): LedgerConnection {
  const recipe = resolveTransport(transport)
  let session: LedgerSession | undefined

  function forget(stale: LedgerSession): void {
    if (session !== stale) return
    session = undefined
    stale.transport.off?.('disconnect', stale.onDisconnect)
    if (stale.owned) stale.transport.close().catch(() => {})
  }

  return {
    async connect(context) {
      if (session) return session
      context.status({ type: 'connecting' })
      const opened =
        recipe.instance ?? (await raceAbortSignal(recipe.open(), context.signal, closeLate))
      const created: LedgerSession = {
        transport: opened,
        owned: !recipe.instance,
        fullTypedDataRefused: false,
        onDisconnect: () => forget(created),
      }
      opened.on?.('disconnect', created.onDisconnect)
      session = created
      return created
    },
    forget,
    close() {
      if (session) forget(session)
    },
  }
}

/** A transport that opens after its call was given up is closed, not leaked. */
function closeLate(late: OpenLedgerTransport): void {
  Promise.resolve()
    .then(() => (late as Partial<OpenLedgerTransport>).close?.())
    .catch(() => {})
}
