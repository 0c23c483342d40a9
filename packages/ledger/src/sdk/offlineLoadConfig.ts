/** hw-app-eth `LoadConfig` with every service URL off: no ERC-20, NFT, plugin or EIP-712 filter fetches. */
export const offlineLoadConfig = {
  nftExplorerBaseURL: null,
  pluginBaseURL: null,
  extraPlugins: null,
  cryptoassetsBaseURL: null,
  calServiceURL: null,
} as const
