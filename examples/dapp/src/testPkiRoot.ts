import type { Hex } from 'viem'

/**
 * The public key of the TEST PKI root that signed `counterDescriptors.generated.ts`'s certificates
 * (the tests' made-up Ledger PKI, test/fixtures `testClearSigningKeys.pkiRoot`). The demo-mode
 * emulator trusts it so the Counter call shows in clear; a real Ledger trusts only Ledger's root,
 * refuses these certificates, and the page reports the call blind. A test keeps it equal to the
 * fixtures' (test/cal/dappCounterDescriptors.test.ts). TEST ROOT: never trust it on a device.
 */
export const testPkiRootPublicKey: Hex =
  '0x04ada7110faddedeb59ecfbdb41a341f1dbefc372903839d1148a7ee8b430947d811fb84f415d618475290dd0382b124323eb519a3bc3959ee3a16385c10d1513c'
