import type { HardhatUserConfig } from 'hardhat/config'
import { createHardhatRuntimeEnvironment } from 'hardhat/hre'
import type { HardhatRuntimeEnvironment } from 'hardhat/types/hre'
import airlock from '../exports/index.js'

/** Test keys only; not Hardhat's `test test … junk`, which the node unlocks. */
export const deviceMnemonic =
  'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about'

/** A Hardhat runtime with the plugin and the given networks, rooted in this package. */
export function createTestHardhat(
  networks: HardhatUserConfig['networks'],
): Promise<HardhatRuntimeEnvironment> {
  return createHardhatRuntimeEnvironment(
    { plugins: [airlock], networks },
    {},
    new URL('../..', import.meta.url).pathname,
  )
}
