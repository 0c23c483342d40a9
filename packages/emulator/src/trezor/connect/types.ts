/** What a TrezorConnect method resolves to (`@trezor/connect`'s `Response<T>`). */
export type TrezorConnectResponse<payload> = Promise<
  | { success: true; payload: payload }
  | { success: false; payload: { error: string; code?: string | undefined } }
>

/** Who is asking, as `TrezorConnect.init` requires it (`@trezor/connect`'s `Manifest`). */
export type TrezorManifest = {
  appName: string
  appUrl: string
  email: string
  appIcon?: string | undefined
}

/** A BIP-32 path as Connect takes it: `"m/44'/60'/0'/0/0"` or hardened-offset numbers. */
type ConnectPath = string | number[]

/** An Ethereum transaction as `ethereumSignTransaction` takes it (legacy or EIP-1559). */
export type TrezorConnectTransaction = {
  to?: string | null | undefined
  value: string
  gasLimit: string
  nonce: string
  chainId: number
  data?: string | undefined
  gasPrice?: string | undefined
  /** Wanchain's legacy transaction type. */
  txType?: number | undefined
  maxFeePerGas?: string | undefined
  maxPriorityFeePerGas?: string | undefined
  accessList?: { address: string; storageKeys: string[] }[] | undefined
}

/**
 * The emulator's TrezorConnect instance: `@trezor/connect`'s default export, typed by what tests call
 * on it (init, events, features and the Ethereum methods). For the rest of Connect's API, cast it to
 * `typeof TrezorConnect` from `@trezor/connect`. Airlock's own type, so that an app's types never
 * need `@trezor/connect`'s (a Ledger-only app has none, and they do not compile with
 * `skipLibCheck: false`).
 */
export type TrezorConnect = {
  init(settings: { manifest: TrezorManifest; [setting: string]: unknown }): Promise<void>
  dispose(): void
  cancel(error?: string): void
  on(type: string, listener: (event: any) => void): void
  off(type: string, listener: (event: any) => void): void
  getFeatures(parameters?: {
    device?: { path?: string | undefined } | undefined
  }): TrezorConnectResponse<TrezorConnectFeatures>
  ethereumGetAddress(parameters: {
    path: ConnectPath
    showOnTrezor?: boolean | undefined
  }): TrezorConnectResponse<{ address: string; path: number[]; serializedPath: string }>
  ethereumGetPublicKey(parameters: {
    path: ConnectPath
    showOnTrezor?: boolean | undefined
  }): TrezorConnectResponse<{
    publicKey: string
    chainCode: string
    xpub: string
    fingerprint: number
    childNum: number
    depth: number
    path: number[]
    serializedPath: string
  }>
  ethereumSignTransaction(parameters: {
    path: ConnectPath
    transaction: TrezorConnectTransaction
    chunkify?: boolean | undefined
  }): TrezorConnectResponse<{ v: string; r: string; s: string; serializedTx: string }>
  ethereumSignMessage(parameters: {
    path: ConnectPath
    message: string
    hex?: boolean | undefined
  }): TrezorConnectResponse<{ address: string; signature: string }>
  /** Typed data in full: the device hashes it (not on the Model One). */
  ethereumSignTypedData(
    parameters: TrezorConnectTypedData & { domain_separator_hash?: undefined },
  ): TrezorConnectResponse<{ address: string; signature: string }>
  /** Typed data with its hashes: what the Model One signs. */
  ethereumSignTypedData(
    parameters: TrezorConnectTypedData & {
      domain_separator_hash: string
      message_hash?: string | undefined
    },
  ): TrezorConnectResponse<{ address: string; signature: string }>
}

/** The typed data `ethereumSignTypedData` takes, as `eth_signTypedData_v4` has it. */
export type TrezorConnectTypedData = {
  path: ConnectPath
  data: {
    types: Record<string, { name: string; type: string }[]>
    primaryType: string
    domain: Record<string, unknown>
    message: Record<string, unknown>
  }
  metamask_v4_compat: boolean
}

/** The `Features` fields of a Trezor as Connect reports them. */
export type TrezorConnectFeatures = {
  internal_model?: string | null | undefined
  model?: string | null | undefined
  major_version: number
  minor_version: number
  patch_version: number
  unlocked?: boolean | null | undefined
  firmware_revision?: string | null | undefined
}
