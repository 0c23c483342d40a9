/** Trezor models the emulator plays, by their internal model name. */
export type TrezorModel = 'T1B1' | 'T2T1' | 'T3T1'

/** A model by its internal name or a friendlier alias: `'one'`, `'model-t'`, `'safe-5'`. */
export type TrezorModelName = TrezorModel | 'one' | 'model-t' | 'safe-5'

/** What the emulator reports about a model in `Features`. */
export type TrezorModelInfo = {
  readonly internalModel: TrezorModel
  /** `Features.model` as the real firmware reports it. */
  readonly model: string
  /** Latest firmware bundled with `@trezor/connect` 9.7.3, so Connect asks for no update. */
  readonly firmware: string
  /** `firmware_revision` of that release in Connect's bundled release data. */
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

/** Revisions from `@trezor/connect-common/files/firmware/<model>/universal/*.json`. */
export const trezorModels: Record<TrezorModel, TrezorModelInfo> = {
  T1B1: {
    internalModel: 'T1B1',
    model: '1',
    firmware: '1.13.1',
    revision: '2a65d18200580005dc419b9569ed97fae440806a',
    capabilities: t1Capabilities,
  },
  T2T1: {
    internalModel: 'T2T1',
    model: 'T',
    firmware: '2.9.1',
    revision: 'acd56d0113a547e9b5983510b0ce9de079e30e05',
    capabilities: coreCapabilities,
  },
  T3T1: {
    internalModel: 'T3T1',
    model: 'Safe 5',
    firmware: '2.9.1',
    revision: 'acd56d0113a547e9b5983510b0ce9de079e30e05',
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
