/**
 * Imports a Ledger SDK package. Their ESM builds (`lib-es`, e.g. hw-app-eth 7.9, hw-transport
 * 6.36) use extensionless relative imports, which bundlers accept and Node's ESM loader rejects
 * (ERR_MODULE_NOT_FOUND for `lib-es/errors`), so in Node their CommonJS build is required instead.
 * `esm` must use a literal `import('…')` so that bundlers see the package.
 */
export async function importLedgerPackage(
  name: string,
  esm: () => Promise<unknown>,
): Promise<unknown> {
  if (!isNode()) return esm()
  const { createRequire } = (await import(
    /* webpackIgnore: true */ /* @vite-ignore */ nodeModule
  )) as typeof import('node:module')
  return createRequire(import.meta.url)(name)
}

// A variable specifier keeps browser bundlers from resolving a Node built-in.
const nodeModule = 'node:module'

function isNode(): boolean {
  const scope = globalThis as { process?: { versions?: { node?: string } }; window?: unknown }
  return typeof scope.process?.versions?.node === 'string' && typeof scope.window === 'undefined'
}

/** CommonJS default exports arrive wrapped once or twice, depending on the loader. */
export function unwrapDefault<value>(
  module: unknown,
  isValue: (candidate: unknown) => boolean,
): value {
  let current = module as { default?: unknown } | undefined
  for (let i = 0; i < 2 && current && !isValue(current); i++)
    current = current.default as typeof current
  return current as value
}
