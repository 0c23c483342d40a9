import { BaseError } from '@airlock/core'

export type Eip7702NotAllowedErrorType = Eip7702NotAllowedError & {
  name: 'Eip7702NotAllowedError'
}
/**
 * The Ethereum app refused an EIP-7702 authorization (0x6980): its EIP-7702 setting is off, or the
 * delegate is not on the app's whitelist.
 */
export class Eip7702NotAllowedError extends BaseError {
  constructor({ cause }: { cause?: unknown } = {}) {
    super('The Ethereum app refused to sign this EIP-7702 authorization.', {
      cause,
      details:
        'the app answered 0x6980: its EIP-7702 setting is off or the delegate is not whitelisted',
      metaMessages: [
        'Turn on "EIP-7702" in the Ethereum app settings on the device, then try again.',
        'The app only signs delegations to the contracts on its built-in whitelist; revocations (delegate 0x0) are always allowed.',
      ],
      name: 'Eip7702NotAllowedError',
      rpcCode: -32002,
    })
  }
}

export type LedgerTransportUnavailableErrorType = LedgerTransportUnavailableError & {
  name: 'LedgerTransportUnavailableError'
}
/** The chosen way to reach the Ledger (WebUSB, WebHID, node-hid) is not available here. */
export class LedgerTransportUnavailableError extends BaseError {
  readonly transport: string
  constructor({
    transport,
    reason,
    cause,
  }: { transport: string; reason: string; cause?: unknown }) {
    super(`Cannot connect to the Ledger over ${transport}.`, {
      cause,
      details: reason,
      metaMessages: [
        transport === 'node-hid'
          ? 'Install @ledgerhq/hw-transport-node-hid (it builds native code, so allow its install script), or pass a Transport.'
          : `Use a browser with ${transport === 'webhid' ? 'WebHID' : 'WebUSB'} (Chrome, Edge, Brave) over https, or pass \`transport\`: 'node-hid' in Node or a Transport instance or factory.`,
      ],
      name: 'LedgerTransportUnavailableError',
      rpcCode: -32002,
    })
    this.transport = transport
  }
}

export type UserGestureRequiredErrorType = UserGestureRequiredError & {
  name: 'UserGestureRequiredError'
}
/** Browsers only let a page ask for a USB or HID device while handling a click or key press. */
export class UserGestureRequiredError extends BaseError {
  constructor({ cause }: { cause?: unknown } = {}) {
    super('The browser needs a click before it can connect to the Ledger.', {
      cause,
      metaMessages: [
        'Connect from a button click (the browser then shows its device picker), and choose your Ledger.',
      ],
      name: 'UserGestureRequiredError',
      rpcCode: -32002,
    })
  }
}
