/** Trezor models the emulator plays, by their internal model name. */
export type TrezorModel = 'T1B1' | 'T2T1' | 'T3T1'

/** A model by its internal name or a friendlier alias: `'one'`, `'model-t'`, `'safe-5'`. */
export type TrezorModelName = TrezorModel | 'one' | 'model-t' | 'safe-5'

/** What the emulator reports about a model in `Features`. */
export type TrezorModelInfo = {
  readonly internalModel: TrezorModel
  /** `Features.model` as the real firmware reports it. */
  readonly model: string
  /**
   * The current release for the model (trezor-firmware core/CHANGELOG.md, legacy/firmware/
   * CHANGELOG.md). `@trezor/connect` 9.7.3 bundles release data only up to 2.9.1 and 1.13.1, so it
   * looks newer releases up on data.trezor.io; offline its revision check ends
   * `firmware-version-unknown`, which it tolerates, as it does for any device newer than itself.
   */
  readonly firmware: string
  /** `firmware_revision`: the commit of the release's tag (`core/v2.12.4`, `legacy/v1.14.1`). */
  readonly revision: string
  readonly capabilities: readonly string[]
}

const t1Capabilities = [
  'Capability_Bitcoin',
  'Capability_Bitcoin_like',
  'Capability_Crypto',
  'Capability_Ethereum',
  'Capability_NEM',
  'Capability_Stellar',
  'Capability_U2F',
]

const coreCapabilities = [
  'Capability_Bitcoin',
  'Capability_Bitcoin_like',
  'Capability_Binance',
  'Capability_Cardano',
  'Capability_Crypto',
  'Capability_EOS',
  'Capability_Ethereum',
  'Capability_Monero',
  'Capability_NEM',
  'Capability_Ripple',
  'Capability_Stellar',
  'Capability_Tezos',
  'Capability_U2F',
  'Capability_Shamir',
  'Capability_ShamirGroups',
  'Capability_PassphraseEntry',
  'Capability_Solana',
  'Capability_Translations',
]

export const trezorModels: Record<TrezorModel, TrezorModelInfo> = {
  T1B1: {
    internalModel: 'T1B1',
    model: '1',
    firmware: '1.14.1',
    revision: '725c0c01879329900f08fc453d8fd0fcb4d86090',
    capabilities: t1Capabilities,
  },
  T2T1: {
    internalModel: 'T2T1',
    model: 'T',
    firmware: '2.12.4',
    revision: '30be4e8c9488eeab68f994af23b3d9c9b7334266',
    capabilities: coreCapabilities,
  },
  T3T1: {
    internalModel: 'T3T1',
    model: 'Safe 5',
    firmware: '2.12.4',
    revision: '30be4e8c9488eeab68f994af23b3d9c9b7334266',
    capabilities: [...coreCapabilities, 'Capability_Brightness', 'Capability_Haptic'],
  },
}

const aliases: Record<TrezorModelName, TrezorModel> = {
  T1B1: 'T1B1',
  T2T1: 'T2T1',
  T3T1: 'T3T1',
  one: 'T1B1',
  'model-t': 'T2T1',
  'safe-5': 'T3T1',
}

/** Thrown for a model name the emulator does not know. */
export class TrezorEmulatorModelError extends Error {
  override name = 'TrezorEmulatorModelError'
  constructor(model: string) {
    super(`Unknown Trezor model "${model}". Expected one of: ${Object.keys(aliases).join(', ')}.`)
  }
}

/** Maps a model name or alias to its internal model. */
export function resolveTrezorModel(name: TrezorModelName): TrezorModel {
  const model = aliases[name]
  if (!model) throw new TrezorEmulatorModelError(name)
  return model
}
