/**
 * The well-known development mnemonic that Hardhat, Anvil and Foundry fund. Test funds only.
 *
 * TEST KEYS ONLY. The emulators hold a mnemonic in memory to play a device in tests and demos.
 * Never give them a mnemonic that guards real funds.
 */
export const testMnemonic = 'test test test test test test test test test test test junk'
