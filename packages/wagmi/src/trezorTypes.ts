/**
 * The `@airlock/trezor` option types the `trezor` connector takes, written out here: the
 * connector's declarations must not import `@airlock/trezor`, an optional peer a Ledger-only app
 * does not install (with `skipLibCheck: false`, tsc fails on a declaration's missing import).
 * `trezorTypes.test.ts` checks that they are still `@airlock/trezor`'s.
 */

/**
 * The app identity Trezor Connect shows the user and requires before `init` (Connect 9.7's
 * `Manifest`, lib/types/settings.d.ts).
 */
export type TrezorManifest = {
  appName: string
  appUrl: string
  email: string
  appIcon?: string | undefined
}

/** What every TrezorConnect method resolves to (Connect 9.7's `Response<T>`). */
export type TrezorConnectResponse<payload> = Promise<
  | { success: true; payload: payload }
  | { success: false; payload: { error: string; code?: string | undefined } }
>

/** A legacy (EIP-155) transaction as `ethereumSignTransaction` takes it. */
export type TrezorLegacyTransaction = {
  to: string | null
  value: string
  gasPrice: string
  gasLimit: string
  nonce: string
  data?: string | undefined
  chainId: number
}

/** An EIP-1559 transaction as `ethereumSignTransaction` takes it. */
export type TrezorEip1559Transaction = {
  to: string | null
  value: string
  gasLimit: string
  nonce: string
  data?: string | undefined
  chainId: number
  maxFeePerGas: string
  maxPriorityFeePerGas: string
  accessList?: { address: string; storageKeys: string[] }[] | undefined
}

export type TrezorTransaction = TrezorLegacyTransaction | TrezorEip1559Transaction

/** The `ethereumSignTypedData` parameters Airlock sends: always with both hashes. */
export type TrezorSignTypedDataParameters = {
  path: string
  data: {
    types: {
      EIP712Domain: { name: string; type: string }[]
      [name: string]: { name: string; type: string }[]
    }
    primaryType: string
    domain: Record<string, unknown>
    message: Record<string, unknown>
  }
  metamask_v4_compat: true
  domain_separator_hash: string
  message_hash?: string | undefined
}

/** The `Features` fields Airlock reads. */
export type TrezorFeatures = {
  internal_model?: string | null | undefined
  model?: string | null | undefined
  major_version: number
  minor_version: number
  patch_version: number
  unlocked?: boolean | null | undefined
}

/**
 * The part of a TrezorConnect instance Airlock uses: `@trezor/connect`'s and `@trezor/connect-web`'s
 * default exports both fit, and so does any object with these methods.
 */
export type TrezorConnectLike = {
  init(settings: { manifest: TrezorManifest }): Promise<void>
  dispose(): void | Promise<void>
  cancel(error?: string): void
  on?(type: string, listener: (payload: any) => void): void
  off?(type: string, listener: (payload: any) => void): void
  getFeatures(): TrezorConnectResponse<TrezorFeatures>
  ethereumGetAddress(parameters: {
    path: string
    showOnTrezor: boolean
  }): TrezorConnectResponse<{ address: string }>
  ethereumGetPublicKey(parameters: {
    path: string
    showOnTrezor: boolean
  }): TrezorConnectResponse<{ publicKey: string; chainCode: string; xpub: string }>
  ethereumSignTransaction(parameters: {
    path: string
    transaction: TrezorTransaction
  }): TrezorConnectResponse<{ v: string; r: string; s: string }>
  ethereumSignMessage(parameters: {
    path: string
    message: string
    hex: boolean
  }): TrezorConnectResponse<{ address: string; signature: string }>
  ethereumSignTypedData(
    parameters: TrezorSignTypedDataParameters,
  ): TrezorConnectResponse<{ address: string; signature: string }>
}
