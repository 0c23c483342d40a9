import type {
  Address,
  AuthorizationRequest,
  Hex,
  Signature,
  TransactionSerializable,
  TypedDataDefinition,
} from 'viem'
import type { DerivationPath } from '../path/parsePath.js'

/**
 * Which kind of device a signer talks to, as viem's `LocalAccount.source`: `'ledger'`, `'trezor'`,
 * or any vendor's own lowercase id (`'acme'`). Open, so that a third vendor's driver needs no
 * change in core.
 */
export type DeviceSource = string

/** The operations a device performs; used in capabilities, status events and errors. */
export type DeviceOperation =
  | 'getCapabilities'
  | 'getAddress'
  | 'getExtendedPublicKey'
  | 'signTransaction'
  | 'signMessage'
  | 'signTypedData'
  | 'signAuthorization'

/** Transaction types a hardware signer may support. Blob (EIP-4844) transactions are never signed. */
export type SignableTransactionType = 'legacy' | 'eip2930' | 'eip1559' | 'eip7702'

/** What the connected device and its app or firmware can do. */
export type DeviceCapabilities = {
  /** e.g. `nanoX`, `T3T1`. */
  model?: string | undefined
  /** The Ethereum app version (Ledger) or firmware version (Trezor). */
  version?: string | undefined
  transactionTypes: readonly SignableTransactionType[]
  signMessage: boolean
  /** `full`: the device shows each field; `hashed`: it shows and signs only the two hashes. */
  signTypedData: 'full' | 'hashed' | false
  signAuthorization: boolean
  getExtendedPublicKey: boolean
  displayAddress: boolean
}

/**
 * How the device shows a request: `'clear'`, decoded (recipient and amount, the message text, each
 * typed-data field); `'blind'`, as raw contract data or as hashes the user cannot check.
 */
export type DeviceDisplay = 'clear' | 'blind'

/**
 * Whether a signer lets the device ask the user about a request it can show only blind. `'refuse'`
 * ends such a request with `BlindSigningRefusedError` before any of it reaches the device.
 */
export type BlindSigningPolicy = 'allow' | 'refuse'

/** Progress a UI can show beside the device. */
export type DeviceStatus =
  | { type: 'connecting' }
  | { type: 'unlock-device' }
  | { type: 'open-app'; appName: string }
  | {
      type: 'confirm-on-device'
      operation: DeviceOperation
      /** How the device will show the request; reported before the device asks. */
      display: DeviceDisplay
      /** Why, for people: `'USDC transfer'`, `'contract data the device cannot decode'`. */
      reason?: string | undefined
    }
  | { type: 'done'; operation: DeviceOperation }
  | { type: 'error'; operation: DeviceOperation; error: Error }

export type DeviceStatusListener = (status: DeviceStatus) => void

/** Per-call options every signer method takes. */
export type DeviceCallOptions = {
  /** Cancels the call while it waits in the queue, or asks the device to cancel it. */
  signal?: AbortSignal | undefined
  /** Overrides the signer's timeout for this call, in ms. */
  timeout?: number | undefined
}

export type GetAddressParameters = DeviceCallOptions & {
  path: DerivationPath
  /** Show the address on the device and wait for the user to confirm it. */
  display?: boolean | undefined
  /** Chain shown beside the address, where the device supports it. */
  chainId?: number | undefined
}
export type GetAddressReturnType = { address: Address; publicKey: Hex }

export type GetExtendedPublicKeyParameters = DeviceCallOptions & { path: DerivationPath }
export type GetExtendedPublicKeyReturnType = { publicKey: Hex; chainCode: Hex }

export type SignTransactionRequest = DeviceCallOptions & {
  path: DerivationPath
  /** The transaction as the app gave it, `type` filled in. */
  transaction: TransactionSerializable & { type: SignableTransactionType }
  /** The unsigned transaction exactly as the account's serializer produced it. */
  serializedTransaction: Hex
}

export type SignMessageRequest = DeviceCallOptions & {
  path: DerivationPath
  /** The message bytes, before EIP-191 prefixing. */
  message: Hex
}

export type SignTypedDataRequest = DeviceCallOptions & {
  path: DerivationPath
  /** Typed data with `types.EIP712Domain` always present, matching `domain`. */
  typedData: TypedDataDefinition & {
    types: { EIP712Domain: readonly { name: string; type: string }[] }
  }
}

export type SignAuthorizationRequest = DeviceCallOptions & {
  path: DerivationPath
  authorization: Required<Pick<AuthorizationRequest, 'chainId' | 'nonce'>> & { address: Address }
}

/** A signature as the device made it, `yParity` already resolved from the device's `v`. */
export type DeviceSignature = Pick<Signature, 'r' | 's'> & { yParity: 0 | 1 }

/**
 * The contract each device package implements. Every method talks to the device; signatures are
 * returned as the device made them and are verified by the account before the app sees them.
 */
export type HardwareSigner = {
  readonly source: DeviceSource
  /** The device's name for people: `'Ledger'`, `'Trezor'`; wallet pickers show it. */
  readonly name: string
  getCapabilities(options?: DeviceCallOptions): Promise<DeviceCapabilities>
  getAddress(parameters: GetAddressParameters): Promise<GetAddressReturnType>
  /** Public key and chain code for `path`; throws `UnsupportedByDeviceError` where the device cannot. */
  getExtendedPublicKey(
    parameters: GetExtendedPublicKeyParameters,
  ): Promise<GetExtendedPublicKeyReturnType>
  signTransaction(request: SignTransactionRequest): Promise<DeviceSignature>
  signMessage(request: SignMessageRequest): Promise<DeviceSignature>
  signTypedData(request: SignTypedDataRequest): Promise<DeviceSignature>
  signAuthorization(request: SignAuthorizationRequest): Promise<DeviceSignature>
  /** Subscribes to progress events; returns the unsubscribe function. */
  onStatus(listener: DeviceStatusListener): () => void
  /** Releases the connection; the next call reconnects. */
  close(): Promise<void>
}

/** What a driver method gets besides its request. */
export type DeviceContext = {
  /** Aborted when the call times out or the app aborts it: cancel the device request. */
  signal: AbortSignal
  /**
   * Reports progress to the UI. Report `confirm-on-device` just before the request the device asks
   * the user about, and let what it throws end the call: under `blindSigning: 'refuse'` a request
   * that is not `'clear'` throws `BlindSigningRefusedError` here, before the device is asked to sign.
   */
  status: (status: DeviceStatus) => void
  /** The signer's policy, for a driver that wants to refuse a blind request earlier. */
  blindSigning: BlindSigningPolicy
}
