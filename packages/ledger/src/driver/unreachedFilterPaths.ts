import { parseFieldType } from '../app/eip712/fieldType.js'
import { type Eip712TypedData, withDomainType } from '../app/eip712/signEip712Message.js'

/**
 * The filter paths (`details.token`, `orders.[].amount`) for which the message sends no field, so
 * that the app would never receive their filter. It counts every filter announced in the message
 * info and refuses to sign until each arrived (app-ethereum `handle_eip712_sign`, 0x6A88): Ledger's
 * filters apply only to a message of the primary type and shape they were made for, whatever the
 * schema hash, which covers `types` but not `primaryType`. A filter of a field inside an empty
 * array is sent as discarded from app 1.12.0 (`discardEmptyArrays`), and reached then.
 */
export function unreachedFilterPaths(
  typedData: Eip712TypedData,
  filterPaths: readonly string[],
  discardEmptyArrays: boolean,
): string[] {
  const types = withDomainType(typedData)
  const reached = new Set<string>()
  const wanted = new Set(filterPaths)

  // Walks the message as signEip712Message streams it: the same paths, in the same order.
  function visit(type: string, value: unknown, path: string): void {
    const parsed = parseFieldType(type)
    if (parsed.arrayLevels.length) {
      const items = Array.isArray(value) ? value : []
      const entryPath = `${path}.[]`
      if (items.length === 0 && discardEmptyArrays)
        for (const filterPath of wanted)
          if (filterPath.startsWith(entryPath)) reached.add(filterPath)
      const itemType = type.slice(0, type.lastIndexOf('['))
      for (const item of items) visit(itemType, item, entryPath)
      return
    }
    if (parsed.kind === 'custom') {
      if (!value || typeof value !== 'object') return
      for (const member of types[parsed.structName!] ?? [])
        visit(member.type, (value as Record<string, unknown>)[member.name], join(path, member.name))
      return
    }
    if (wanted.has(path)) reached.add(path)
  }

  if (!Object.hasOwn(types, typedData.primaryType)) return [...wanted]
  visit(typedData.primaryType, typedData.message ?? {}, '')
  return [...wanted].filter((path) => !reached.has(path))
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`
}
