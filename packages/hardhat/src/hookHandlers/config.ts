import type { ConfigHooks } from 'hardhat/types/hooks'
import { validateAirlockConfig } from '../config/validateAirlockConfig.js'

export default async (): Promise<Partial<ConfigHooks>> => ({
  validateUserConfig: async (userConfig) =>
    Object.entries(userConfig.networks ?? {}).flatMap(([name, network]) =>
      validateAirlockConfig(name, network.airlock),
    ),
  resolveUserConfig: async (userConfig, resolveConfigurationVariable, next) => {
    const resolved = await next(userConfig, resolveConfigurationVariable)
    // The field is kept as written: it holds functions and objects (transports, Connect).
    for (const [name, network] of Object.entries(resolved.networks))
      network.airlock = userConfig.networks?.[name]?.airlock
    return resolved
  },
})
