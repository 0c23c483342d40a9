// The dApp's local Ethereum: chain id 1, so the Ledger clear-signs mainnet tokens and permits.
// Start it with `pnpm chain` (chain/main.ts), which also puts USDC, USDT and the Counter in place;
// `hardhat node` alone would run the chain without them. It funds the accounts of
// `test test … junk`, which the emulators use by default. Nothing is compiled here: the contracts'
// code is committed (contracts/compile.ts).
/** @type {import('hardhat/config').HardhatUserConfig} */
module.exports = {
  networks: { hardhat: { hardfork: 'prague', chainId: 1 } },
}
