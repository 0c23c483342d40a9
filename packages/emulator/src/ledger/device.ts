import type { EmulatorState } from '../common/emulatorState.js'
import type { Eip712Session } from './ethereumApp/eip712/session.js'
import {
  createGenericParserState,
  type GenericParserState,
} from './ethereumApp/genericParser/session.js'
import { forgetTokens, type TokenSlots } from './ethereumApp/tokenSlots.js'
import type { LedgerKeyring } from './keys/keyring.js'
import type { LoadedCertificate } from './pki/certificate.js'
import type { LedgerApp, LedgerEip7702Setting, LedgerModel } from './types.js'

/** Trusted metadata the host provided before a signature (ERC-20, plugins, NFTs, names...). */
export type ProvidedInfo = {
  readonly ins: number
  readonly kind: string
  readonly data: string
  readonly address?: string
  readonly selector?: string
  readonly ticker?: string
  readonly decimals?: number
}

/** A multi-APDU payload being received (transaction, message, TLV). */
export type ChunkedPayload = {
  readonly path: readonly number[]
  bytes: Uint8Array
  /** Expected total length when the protocol announces it (personal message, TLV). */
  readonly expected?: number
}

/**
 * Everything the emulated device holds between APDUs, with the shared state (user, faults, latency,
 * logs). TEST KEYS ONLY.
 */
export type LedgerDevice = EmulatorState & {
  readonly keyring: LedgerKeyring
  readonly model: LedgerModel
  app: LedgerApp
  locked: boolean
  blindSigning: boolean
  /** The app's "Raw messages" / verbose EIP-712 setting. */
  verboseEip712: boolean
  eip7702: LedgerEip7702Setting
  /** Uncompressed secp256k1 key the app checks CAL descriptors and EIP-712 filters against. */
  readonly calPublicKey: Uint8Array
  /** Uncompressed secp256k1 key the app checks PROVIDE NFT INFORMATION payloads against. */
  readonly nftPublicKey: Uint8Array
  provided: ProvidedInfo[]
  /** ERC-20 descriptors the app accepted, in its 5 asset slots. */
  tokens: TokenSlots
  transaction: ChunkedPayload | undefined
  message: ChunkedPayload | undefined
  authorization: ChunkedPayload | undefined
  domainName: ChunkedPayload | undefined
  eip712: Eip712Session | undefined
  challenge: number
  /** The PKI root certificates must chain to (`pkiRootPublicKey`); none: every one is refused. */
  readonly pkiRootPublicKey: Uint8Array | undefined
  /** The certificate LOAD CERTIFICATE (B0 06) last accepted: OS state, kept until the app quits. */
  pkiCertificate: LoadedCertificate | undefined
  /** The generic parser (ERC-7730 clear signing): stored transaction, enums, TLV in transit. */
  genericParser: GenericParserState
}

/** Forgets every in-flight flow and provided metadata, as the app does after a signature or error. */
export function resetContext(device: LedgerDevice): void {
  device.provided = []
  forgetTokens(device.tokens)
  device.transaction = undefined
  device.message = undefined
  device.authorization = undefined
  device.domainName = undefined
  device.eip712 = undefined
  device.genericParser = createGenericParserState()
}

/** Whether the Ethereum app is the open app. */
export function isEthereumAppOpen(device: LedgerDevice): boolean {
  return device.app !== 'dashboard' && device.app.name === 'Ethereum'
}
