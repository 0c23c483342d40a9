/**
 * What Airlock uses of a Device Management Kit (`@ledgerhq/device-management-kit` 1.x), by shape,
 * so that `@airlock/ledger`'s types need no DMK installed: a `DeviceManagementKit` has all of it.
 */
export type DeviceManagementKitLike = {
  sendApdu(args: { sessionId: string; apdu: Uint8Array }): Promise<DmkApduResponse>
  executeDeviceAction(args: { sessionId: string; deviceAction: never }): { cancel(): void }
  getConnectedDevice(args: { sessionId: string }): { modelId: string }
  getDeviceSessionState(args: { sessionId: string }): {
    subscribe(observer: DmkObserver<unknown>): { unsubscribe(): void }
  }
}

/** An APDU's answer as DMK gives it: the data and the two status-word bytes apart. */
export type DmkApduResponse = { readonly data: Uint8Array; readonly statusCode: Uint8Array }

/** An rxjs observer, as DMK's observables take it. */
export type DmkObserver<value> = {
  next?: (value: value) => void
  error?: (error: unknown) => void
  complete?: () => void
}

/** The session to sign on: its id, or a function that returns the current one on each connection. */
export type DmkSessionId = string | (() => string | Promise<string>)

export type FromDeviceManagementKitParameters = {
  /** The app's `DeviceManagementKit` (`@ledgerhq/device-management-kit` 1.x, an optional peer). */
  dmk: DeviceManagementKitLike
  /**
   * The session from `dmk.connect()`, or a function returning the current one: it is called again
   * on each (re)connection, so a new session after a disconnect is picked up.
   */
  sessionId: DmkSessionId
}
