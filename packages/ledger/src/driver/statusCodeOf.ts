/** The status word hw-transport's `TransportStatusError` carries, if `error` is one. */
export function statusCodeOf(error: unknown): number | undefined {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode
  return typeof statusCode === 'number' ? statusCode : undefined
}
