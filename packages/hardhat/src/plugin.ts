import type { HardhatPlugin } from 'hardhat/types/plugins'

/** `@airlock/hardhat`: add it to `plugins` in `hardhat.config.ts`. */
export const airlockPlugin: HardhatPlugin = {
  id: '@airlock/hardhat',
  npmPackage: '@airlock/hardhat',
  hookHandlers: {
    config: () => import('./hookHandlers/config.js'),
    network: () => import('./hookHandlers/network.js'),
  },
}
