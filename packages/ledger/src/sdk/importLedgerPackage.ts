/**
 * Imports a Ledger SDK package: in browsers through `esm`, a literal `import('…')` of one of the
 * `browser*.ts` modules so that bundlers see the package; in Node, its CommonJS build. The ESM
 * builds (`lib-es`, e.g. hw-app-eth 7.9, hw-transport 6.36) use extensionless relative imports,
 * which bundlers accept and Node's ESM loader rejects with ERR_MODULE_NOT_FOUND
 * (LedgerHQ/ledger-live#7871).
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
