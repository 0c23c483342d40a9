import type { Address, Hex } from 'viem'
import type { EmulatorLatency } from '../common/latency.js'
import type { EmulatorUser } from '../common/user.js'

/** The Ledger models the emulator can play. */
export type LedgerModel = 'nanoS' | 'nanoSP' | 'nanoX' | 'stax' | 'flex'

/** The app open on the device, or the dashboard (no app open). */
export type LedgerApp = { readonly name: string; readonly version: string } | 'dashboard'

/** A delegate the EIP-7702 setting accepts. `chainId` 0 (default) means every chain. */
export type LedgerEip7702Delegate = {
  readonly address: Address
  readonly name: string
  readonly chainId?: number
}

/**
 * The Ethereum app's EIP-7702 setting: `false` (off, as on a new device), `true` (on, with the
 * app's built-in whitelist), or on with your own whitelist of delegates.
 */
export type LedgerEip7702Setting =
  | boolean
  | { readonly whitelist: readonly LedgerEip7702Delegate[] }

/** Options of `createLedgerEmulator`. */
export type LedgerEmulatorOptions = {
  /**
   * BIP-39 mnemonic. TEST KEYS ONLY: never give the emulator a mnemonic that guards real funds.
   * @default testMnemonic ('test test ... junk')
   */
  readonly mnemonic?: string
  /** BIP-39 passphrase. @default '' */
  readonly passphrase?: string
  /** @default 'nanoX' */
  readonly model?: LedgerModel
  /** @default { name: 'Ethereum', version: '1.22.0' } ('1.10.4', its last app, on a Nano S) */
  readonly app?: LedgerApp
  /** Start locked (the device answers 0x5515 until `unlock()`). @default false */
  readonly locked?: boolean
  /** The app's blind-signing setting. @default false */
  readonly blindSigning?: boolean
  /**
   * The app's verbose EIP-712 setting ("Raw messages"): typed data without filters shows every
   * field and signs with blind signing off; EIP-712 filters are then ignored. @default false
   */
  readonly verboseEip712?: boolean
  /**
   * The key the app checks ERC-20 descriptors and EIP-712 filters against (uncompressed secp256k1,
   * `0x04…`). Swap in a test key to sign your own descriptors with `signCalPayload`.
   * @default ledgerCalPublicKey (the production CAL key of app-ethereum)
   */
  readonly calPublicKey?: Hex
  /**
   * The key PROVIDE NFT INFORMATION payloads must be signed with (the uncompressed secp256k1 key,
   * `0x04…`) when no NFT_METADATA certificate is loaded. Tests pass the public key of their own
   * test key and sign with `signNftInformation`.
   * @default ledgerNftMetadataPublicKey (the production NFT metadata key of app-ethereum)
   */
  readonly nftPublicKey?: Hex
  /**
   * The root of trust for LOAD CERTIFICATE (B0 06): the uncompressed secp256k1 key (`0x04…`) the
   * certificates of clear-signing descriptors (ERC-7730, generic parser) must be signed by. Ledger's
   * production root is not public, so without one every certificate is refused and generic
   * clear signing stays off (a refusal a real device would not make, never an acceptance).
   * Tests issue their own with `issueTestCertificate`.
   * @default undefined
   */
  readonly pkiRootPublicKey?: Hex
  /** The app's EIP-7702 setting. @default false */
  readonly eip7702?: LedgerEip7702Setting
  /** The emulated person at the device. @default 'approve' */
  readonly user?: EmulatorUser
  /** Simulated USB latency. @default 0 */
  readonly latency?: EmulatorLatency
}
