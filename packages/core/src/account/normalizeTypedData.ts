import { getTypesForEIP712Domain, type TypedDataDefinition, validateTypedData } from 'viem'
import { InvalidRequestError } from '../errors/request.js'
import type { SignTypedDataRequest } from '../signer/types.js'

/**
 * Validates EIP-712 typed data and makes `types.EIP712Domain` explicit, derived from the domain when
 * the app left it out (as viem allows). Devices hash the domain from these types, so leaving them out
 * would make the device sign for another domain.
 */
export function normalizeTypedData(
  typedData: TypedDataDefinition,
): SignTypedDataRequest['typedData'] {
  if (!typedData || typeof typedData !== 'object' || !typedData.types || !typedData.primaryType)
    throw new InvalidRequestError({
      reason: 'typed data needs `types`, `primaryType` and `message`',
    })
  const domain = typedData.domain ?? {}
  const types: Record<string, readonly { name: string; type: string }[]> = {
    ...(typedData.types as Record<string, readonly { name: string; type: string }[]>),
    EIP712Domain:
      (typedData.types as Record<string, readonly { name: string; type: string }[]>).EIP712Domain ??
      getTypesForEIP712Domain({ domain }),
  }
  const normalized = { ...typedData, domain, types } as SignTypedDataRequest['typedData']
  if (typedData.primaryType !== 'EIP712Domain' && !(typedData.primaryType in types))
    throw new InvalidRequestError({
      reason: `primaryType "${String(typedData.primaryType)}" is not in types`,
    })
  try {
    validateTypedData(normalized as never)
    assertAcyclic(types)
  } catch (cause) {
    if (cause instanceof InvalidRequestError) throw cause
    throw new InvalidRequestError({ reason: 'the typed data does not match its types', cause })
  }
  return normalized
}

function assertAcyclic(types: Record<string, readonly { name: string; type: string }[]>) {
  const visiting = new Set<string>()
  const done = new Set<string>()
  const visit = (name: string) => {
    if (done.has(name)) return
    if (visiting.has(name))
      throw new InvalidRequestError({ reason: `type "${name}" refers to itself` })
    visiting.add(name)
    for (const field of types[name] ?? []) {
      const base = field.type.replace(/(\[\d*\])+$/, '')
      if (base in types) visit(base)
    }
    visiting.delete(name)
    done.add(name)
  }
  for (const name of Object.keys(types)) visit(name)
}
