import type { Address, Hex } from 'viem'
import type { LedgerCalldataDescriptor, LedgerDescriptors } from './types.js'

/** The descriptor for a call of `selector` on `to` on `chainId`, if the descriptors have one. */
export function findCalldataDescriptor(
  descriptors: LedgerDescriptors,
  call: { chainId: number; to: Address; data: Hex },
): LedgerCalldataDescriptor | undefined {
  const selector = call.data.slice(0, 10).toLowerCase()
  const to = call.to.toLowerCase()
  return descriptors.calldata.find(
    (descriptor) =>
      descriptor.chainId === call.chainId &&
      descriptor.address.toLowerCase() === to &&
      descriptor.selector.toLowerCase() === selector,
  )
}
