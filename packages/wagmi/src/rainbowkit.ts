import type { CreateConnectorFn } from '@wagmi/core'
import { type LedgerParameters, ledger } from './ledger.js'
import { type TrezorParameters, trezor } from './trezor.js'

/**
 * The parts of RainbowKit's `Wallet` these wallets fill, typed here so that Airlock does not
 * depend on RainbowKit: `connectorsForWallets` takes the function that returns it.
 */
export type RainbowKitWallet = {
  id: string
  name: string
  iconUrl: string
  iconBackground: string
  installed: boolean
  createConnector: (walletDetails: { rkDetails: object }) => CreateConnectorFn
}

/** What `connectorsForWallets` calls to create a wallet (its parameters are not needed here). */
export type CreateRainbowKitWallet = () => RainbowKitWallet

/**
 * A Ledger (Airlock's `ledger()` connector) for RainbowKit's `connectorsForWallets`:
 * `wallets: [ledgerWallet(), trezorWallet({ manifest })]`. Takes the connector's parameters.
 */
export function ledgerWallet(parameters: LedgerParameters = {}): CreateRainbowKitWallet {
  return () => toRainbowKitWallet(ledger(parameters))
}

/** A Trezor (Airlock's `trezor()` connector) for RainbowKit's `connectorsForWallets`. */
export function trezorWallet(parameters: TrezorParameters): CreateRainbowKitWallet {
  return () => toRainbowKitWallet(trezor(parameters))
}

type HardwareConnectorFn = ReturnType<typeof ledger> | ReturnType<typeof trezor>

function toRainbowKitWallet(connector: HardwareConnectorFn): RainbowKitWallet {
  // The connector's id, name and icon, read without a wagmi config: creating the connector only
  // builds its methods, which use the config when called.
  const { id, name, icon } = connector({} as Parameters<HardwareConnectorFn>[0])
  return {
    id,
    name,
    // ledger() and trezor() always have one.
    iconUrl: icon as string,
    iconBackground: '#1c1c1e',
    // A hardware wallet needs no extension: RainbowKit lists it as ready.
    installed: true,
    // RainbowKit tells its wallets apart by the `rkDetails` on each connector.
    createConnector: (walletDetails) => (config) => ({ ...connector(config), ...walletDetails }),
  }
}
