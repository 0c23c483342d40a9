// The local chain for the dApp: `pnpm chain` funds the accounts of `test test … junk`, which the
// emulators use by default. Nothing is compiled; Hardhat only runs its node.
/** @type {import('hardhat/config').HardhatUserConfig} */
module.exports = {
  networks: { hardhat: { hardfork: 'prague', chainId: 31337 } },
}
