/**
 * Runs `load` on the first call and shares its result with every later call; a failed load (a
 * chunk that did not download, say) is tried again on the next call.
 */
export function loadOnce<value>(load: () => Promise<value>): () => Promise<value> {
  let loading: Promise<value> | undefined
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    })
    return loading
  }
}
