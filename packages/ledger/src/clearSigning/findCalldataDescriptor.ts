import type { Address, Hex } from 'viem'
import type { LedgerCalldataDescriptor, LedgerDescriptors, LedgerProxyInfo } from './types.js'

/**
 * The descriptor for a call of `selector` on `to` on `chainId`, if the descriptors have one: one
 * issued for `to` itself, else one issued for the implementation behind `to` when the descriptors
 * hold proxy info for it (context-module's CalldataContextLoader asks in that order).
 */
export function findCalldataDescriptor(
  descriptors: LedgerDescriptors,
  call: { chainId: number; to: Address; data: Hex },
): LedgerCalldataDescriptor | undefined {
  const proxy = findProxyInfo(descriptors, call)
  return (
    find(descriptors, call, call.to) ?? (proxy && find(descriptors, call, proxy.implementation))
  )
}

/**
 * The proxy info a call needs: the one for `to` when no descriptor is issued for `to` itself but
 * one is for its implementation.
 */
export function findProxyInfo(
  descriptors: LedgerDescriptors,
  call: { chainId: number; to: Address; data: Hex },
): LedgerProxyInfo | undefined {
  if (find(descriptors, call, call.to)) return undefined
  const to = call.to.toLowerCase()
  const proxy = descriptors.proxies?.find(
    (entry) => entry.chainId === call.chainId && entry.proxy.toLowerCase() === to,
  )
  return proxy && find(descriptors, call, proxy.implementation) ? proxy : undefined
}

function find(
  descriptors: LedgerDescriptors,
  call: { chainId: number; data: Hex },
  contract: Address,
): LedgerCalldataDescriptor | undefined {
  const selector = call.data.slice(0, 10).toLowerCase()
  const address = contract.toLowerCase()
  return descriptors.calldata.find(
    (descriptor) =>
      descriptor.chainId === call.chainId &&
      descriptor.address.toLowerCase() === address &&
      descriptor.selector.toLowerCase() === selector,
  )
}
