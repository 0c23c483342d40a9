import type { OpenLedgerTransport } from '../types.js'

/** A Transport that can hold its device for one call (a DMK session: `sdk/dmk/openDmkTransport`). */
type HoldableTransport = OpenLedgerTransport & {
  hold?: (signal: AbortSignal) => Promise<() => void>
}

/**
 * Holds `transport`'s device for one driver call, so nothing else on a shared session runs between
 * the call's APDUs; returns what releases it. Transports Airlock opens alone need no hold.
 */
export async function holdTransport(
  transport: OpenLedgerTransport,
  signal: AbortSignal,
): Promise<() => void> {
  return (await (transport as HoldableTransport).hold?.(signal)) ?? (() => {})
}
