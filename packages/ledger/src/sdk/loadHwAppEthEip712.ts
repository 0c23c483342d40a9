import { loadOnce } from '@airlock/core/utils'
import type Transport from '@ledgerhq/hw-transport'
import { importLedgerPackage } from './importLedgerPackage.js'
import { offlineLoadConfig } from './offlineLoadConfig.js'

type Eip712Module = typeof import('@ledgerhq/hw-app-eth/lib-es/modules/EIP712/index')
type Eip712Message = Parameters<Eip712Module['signEIP712Message']>[2]

/** hw-app-eth's full EIP-712 signing, offline: no filters or token metadata are fetched. */
export type HwAppEthEip712 = {
  signEIP712Message: (
    transport: Transport,
    path: string,
    message: Eip712Message,
  ) => Promise<{ v: number; r: string; s: string }>
}

/**
 * hw-app-eth's EIP-712 module alone (about 60 kB gz of the 95 kB that all of hw-app-eth adds to the
 * transports), imported for full EIP-712 without `clearSigning`.
 */
export const loadHwAppEthEip712: () => Promise<HwAppEthEip712> = loadOnce(async () => {
  const module = (await importLedgerPackage(
    '@ledgerhq/hw-app-eth/lib/modules/EIP712/index',
    async () => (await import('./browserHwAppEthEip712.js')).eip712,
  )) as Eip712Module
  return {
    signEIP712Message: (transport, path, message) =>
      module.signEIP712Message(transport, path, message, false, offlineLoadConfig),
  }
})
