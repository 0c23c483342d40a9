/**
 * The `@airlock/ledger` option types the `ledger` connector takes, written out here: the
 * connector's declarations must not import `@airlock/ledger`, an optional peer a Trezor-only app
 * does not install (with `skipLibCheck: false`, tsc fails on a declaration's missing import).
 * `ledgerTypes.test.ts` checks that they are still `@airlock/ledger`'s. From `LedgerCertificateTarget`
 * on, this is `packages/ledger/src/clearSigning/types.ts` as it stands: copy it again when it changes.
 */
import type { Address, Hex } from 'viem'

/** An open connection to a Ledger, as Airlock uses it: every `@ledgerhq/hw-transport` Transport fits. */
export type OpenLedgerTransport = {
  exchange(apdu: Uint8Array): Promise<Uint8Array>
  close(): Promise<void>
  on?(eventName: 'disconnect', listener: () => void): void
  off?(eventName: 'disconnect', listener: () => void): void
  readonly deviceModel?: { readonly id: string } | null | undefined
}

/** A way to reach the Ledger: by name, as a factory called on each (re)connection, or an open Transport. */
export type LedgerTransport =
  | 'webusb'
  | 'webhid'
  | 'web-ble'
  | 'node-hid'
  | (() => Promise<OpenLedgerTransport>)
  | OpenLedgerTransport
/** The device models Ledger's CAL issues certificates for (its `target_device` values). */
export type LedgerCertificateTarget = 'nanoS' | 'nanoSP' | 'nanoX' | 'stax' | 'flex' | 'apexp'

/** A step of a path into calldata, as CAL's calldata descriptors write it. */
export type CalldataPathElement =
  | { readonly type: 'TUPLE'; readonly offset: number }
  | {
      readonly type: 'ARRAY'
      readonly weight: number
      readonly start?: number | undefined
      readonly end?: number | undefined
    }
  | { readonly type: 'REF' }
  | {
      readonly type: 'LEAF'
      readonly leaf_type: 'ARRAY_LEAF' | 'TUPLE_LEAF' | 'STATIC_LEAF' | 'DYNAMIC_LEAF'
    }
  | {
      readonly type: 'SLICE'
      readonly start?: number | undefined
      readonly end?: number | undefined
    }

/** Where a value comes from, as CAL writes it: a path into the calldata or the transaction, or a constant. */
export type CalldataValueReference =
  | {
      readonly type: 'path'
      readonly binary_path:
        | { readonly type: 'CONTAINER'; readonly value: 'FROM' | 'TO' | 'VALUE' | 'CHAIN_ID' }
        | { readonly type: 'DATA'; readonly elements: readonly CalldataPathElement[] }
    }
  | { readonly type: 'constant'; readonly value: Hex }

/**
 * Where a CALLDATA field's inner calls are (CAL's `CALLDATA` param, context-module
 * `CallDataDescriptorParamCalldataV1`): their calldata and callee, and where the descriptor names
 * them their chain, selector, amount and sender. Each reads one value per inner call.
 */
export type LedgerNestedCallReferences = {
  readonly value: CalldataValueReference
  readonly callee: CalldataValueReference
  readonly chainId?: CalldataValueReference | undefined
  readonly selector?: CalldataValueReference | undefined
  readonly amount?: CalldataValueReference | undefined
  readonly spender?: CalldataValueReference | undefined
}

/**
 * One contract function's ERC-7730 descriptor as Ledger's CAL serves it, with one set of
 * signatures. The device verifies every signature itself: Airlock only forwards these bytes.
 */
export type LedgerCalldataDescriptor = {
  readonly chainId: number
  readonly address: Address
  readonly selector: Hex
  /** TRANSACTION_INFO, its signature appended (`81 FF || length || DER signature`). */
  readonly transactionInfo: Hex
  /** ENUM_VALUE payloads, signed likewise, for the enum fields. */
  readonly enums: readonly { readonly id: number; readonly value: number; readonly payload: Hex }[]
  /**
   * The FIELD payloads in order, each with the token its amount is in when it names one (the ERC-20
   * descriptor of that token goes to the device before the field, so it shows ticker and decimals),
   * the enum it names and where its value is (the ENUM_VALUE of the value the calldata holds
   * goes before the field), or the collection of an NFT field (its PROVIDE NFT INFORMATION goes
   * before the field: the device refuses an NFT field without it), or the inner calls of a
   * CALLDATA field (their TRANSACTION INFO and fields go right after it).
   */
  readonly fields: readonly {
    readonly payload: Hex
    readonly token?: CalldataValueReference | undefined
    readonly enum?: { readonly id: number; readonly value: CalldataValueReference } | undefined
    readonly nft?: CalldataValueReference | undefined
    readonly calldata?: LedgerNestedCallReferences | undefined
  }[]
}

/** A Ledger-signed ERC-20 descriptor (PROVIDE ERC 20 TOKEN INFORMATION payload). */
export type LedgerTokenDescriptor = {
  readonly chainId: number
  readonly address: Address
  readonly payload: Hex
}

/** A Ledger-signed NFT collection (PROVIDE NFT INFORMATION payload, from Ledger's metadata service). */
export type LedgerNftDescriptor = {
  readonly chainId: number
  readonly address: Address
  readonly payload: Hex
}

/**
 * Ledger's signed PROXY_INFO: calls to `proxy` run `implementation`'s code, so the descriptors
 * issued for the implementation apply to them. A bundled payload carries no challenge (any review
 * may use it); a fetched one is asked for with the device's challenge at signing time.
 */
export type LedgerProxyInfo = {
  readonly chainId: number
  readonly proxy: Address
  readonly implementation: Address
  /** The PROVIDE PROXY INFO payload, signature included (`15 || length || DER`). */
  readonly payload: Hex
}

/**
 * Signed clear-signing descriptors for a dApp's own contracts, as `airlock-ledger descriptors`
 * writes them (bundled mode) or the CAL client fetches them (`ledgerServices`). Pass them to
 * `toLedgerAccount`/`createLedgerSigner` as `descriptors`.
 */
export type LedgerDescriptors = {
  /** Whose keys signed them: `prod` (Ledger's, what real devices accept) or `test` (CAL's test keys). */
  readonly signatures: 'prod' | 'test'
  /** The CALLDATA certificate (LOAD CERTIFICATE payload) for each device model: they are issued per target. */
  readonly certificates: Readonly<Partial<Record<LedgerCertificateTarget, Hex>>>
  readonly calldata: readonly LedgerCalldataDescriptor[]
  /** ERC-20 descriptors for the tokens the fields name; the offline token list is used for others. */
  readonly tokens?: readonly LedgerTokenDescriptor[] | undefined
  /** Proxies whose implementation the `calldata` descriptors are for (absent in older modules). */
  readonly proxies?: readonly LedgerProxyInfo[] | undefined
  /** The TRUSTED_NAME certificate (`domain_metadata_key`) per model, which proxy info chains to. */
  readonly trustedNameCertificates?:
    | Readonly<Partial<Record<LedgerCertificateTarget, Hex>>>
    | undefined
  /** NFT collection descriptors for the collections the NFT fields name. */
  readonly nfts?: readonly LedgerNftDescriptor[] | undefined
}

/**
 * Fetched mode: `true` asks Ledger's CAL (production signatures); `{ url }` another CAL (a mirror,
 * a test server), `{ metadataUrl }` another metadata service (proxy info); `signatures: 'test'` takes CAL's test signatures, which only test devices accept.
 */
export type LedgerServicesOption =
  | boolean
  | {
      readonly url?: string | undefined
      /**
       * Ledger's metadata service (DMK's `metadataServiceDomain`): proxy info and NFT collections.
       * With `url` set and this not, neither is asked for: requests go only to the URLs named.
       */
      readonly metadataUrl?: string | undefined
      readonly signatures?: 'prod' | 'test' | undefined
    }
