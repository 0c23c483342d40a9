import { UnknownDeviceError } from '@airlock/core'
import { unwrapDefault } from '@airlock/core/utils'

/**
 * The export of a Ledger SDK package that `isValue` accepts, however its CommonJS default arrived
 * wrapped; an `UnknownDeviceError` naming the package when no level has it.
 */
export function findSdkExport<value>(
  module: unknown,
  isValue: (candidate: unknown) => boolean,
  packageName: string,
): value {
  const found = unwrapDefault<value>(module, isValue)
  if (found === undefined)
    throw new UnknownDeviceError({
      details: `${packageName} is not the version @airlock/ledger depends on`,
    })
  return found
}

/** For `findSdkExport`: a class (a constructor function). */
export function isClass(candidate: unknown): boolean {
  return typeof candidate === 'function'
}
