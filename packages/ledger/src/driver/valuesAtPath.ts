/**
 * The values at a filter path of the message (`details.token`, `orders.[].token`): one per array
 * entry the path goes through.
 */
export function valuesAtPath(message: unknown, path: string): unknown[] {
  let values: unknown[] = [message]
  for (const key of path.split('.')) {
    values = values.flatMap((value) => {
      if (key === '[]') return Array.isArray(value) ? value : []
      if (value && typeof value === 'object' && key in value)
        return [(value as Record<string, unknown>)[key]]
      return []
    })
  }
  return values
}
