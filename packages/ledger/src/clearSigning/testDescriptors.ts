// Test helper (not exported): fixture contracts' descriptors signed with the TEST keys, in
// Airlock's format, as `airlock-ledger descriptors --test-signatures` would write them.
import {
  issueTestCertificate,
  type LedgerModel,
  signErc20Descriptor,
  signNftInformation,
  signTestCalldataDescriptor,
  type TestDescribedFunction,
} from '@airlock/emulator'
import {
  type ClearSigningContract,
  clearSigningCollections,
  clearSigningTokens,
  testClearSigningKeys as keys,
} from '@airlock/fixtures/clearSigningContracts'
import { fromCalDescriptors } from './fromCalDescriptors.js'
import type { LedgerCertificateTarget, LedgerDescriptors } from './types.js'

const models: Record<LedgerCertificateTarget, LedgerModel | undefined> = {
  nanoS: 'nanoS',
  nanoSP: 'nanoSP',
  nanoX: 'nanoX',
  stax: 'stax',
  flex: 'flex',
  apexp: undefined,
}

/** CALLDATA certificates of the test PKI for every model the emulator plays. */
export function testCertificates(): LedgerDescriptors['certificates'] {
  const out: Partial<Record<LedgerCertificateTarget, `0x${string}`>> = {}
  for (const [target, model] of Object.entries(models)) {
    if (!model) continue
    out[target as LedgerCertificateTarget] = issueTestCertificate({
      rootPrivateKey: keys.pkiRoot,
      privateKey: keys.calldata,
      keyUsage: 0x0b,
      name: 'calldata',
      model,
    })
  }
  return out
}

/** CAL's answer for `contract`, signed with the test calldata key. */
export function testCalResponse(contract: ClearSigningContract) {
  const bySelector: Record<string, ReturnType<typeof signTestCalldataDescriptor>> = {}
  for (const fn of contract.functions)
    bySelector[fn.selector] = signTestCalldataDescriptor(
      contract,
      fn as TestDescribedFunction,
      keys.calldata,
    )
  return [{ descriptors_calldata: { [contract.address.toLowerCase()]: bySelector } }]
}

/**
 * Test descriptors for the fixture contracts, with the test ERC-20 descriptors of their tokens and
 * the test NFT information of their collections.
 */
export function testDescriptors(...contracts: ClearSigningContract[]): LedgerDescriptors[] {
  const certificates = testCertificates()
  const tokens = clearSigningTokens.map((token) => ({
    chainId: token.chainId,
    address: token.address,
    payload: signErc20Descriptor(keys.erc20, token),
  }))
  const nfts = clearSigningCollections.map((collection) => ({
    chainId: collection.chainId,
    address: collection.address,
    payload: signNftInformation(keys.nft, collection),
  }))
  return contracts.map((contract) =>
    fromCalDescriptors({
      chainId: contract.chainId,
      mode: 'test',
      responses: testCalResponse(contract),
      certificates,
      tokens,
      nfts,
    }),
  )
}
