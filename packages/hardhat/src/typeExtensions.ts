import type { HardwareAccount } from '@airlock/core'
import type { AirlockNetworkUserConfig } from './config/types.js'

declare module 'hardhat/types/config' {
  interface HttpNetworkUserConfig {
    airlock?: AirlockNetworkUserConfig
  }
  interface EdrNetworkUserConfig {
    airlock?: AirlockNetworkUserConfig
  }
  interface HttpNetworkConfig {
    airlock?: AirlockNetworkUserConfig
  }
  interface EdrNetworkConfig {
    airlock?: AirlockNetworkUserConfig
  }
}

declare module 'hardhat/types/network' {
  interface NetworkConnection<ChainTypeT extends ChainType | string = DefaultChainType> {
    airlock: {
      /**
       * The network's device accounts as viem accounts, for what JSON-RPC cannot ask for, such as
       * `walletClient.signAuthorization({ account, contractAddress })` (EIP-7702). Empty when the
       * network has none.
       */
      getAccounts(): Promise<readonly HardwareAccount[]>
    }
  }
}
