import { describeValue } from '../errors/describeValue.js'
import { InvalidPathError } from '../errors/request.js'

/** The bit that marks a hardened BIP-32 index. */
export const hardenedOffset = 0x80000000

/** A BIP-32 derivation path, e.g. `m/44'/60'/0'/0/0`. */
export type DerivationPath = string

export type ParsePathErrorType = InvalidPathError

const maxDepth = 10

/**
 * Parses a BIP-32 path (`m/44'/60'/0'/0/0`, with or without `m/`, hardened with `'` or `h`, or an
 * array of indices with the hardened bit set) into its indices. Throws `InvalidPathError` naming the
 * exact problem.
 */
export function parsePath(path: DerivationPath | readonly number[]): number[] {
  if (Array.isArray(path)) {
    const raw = describeValue(path)
    checkDepth(path.length, raw)
    return path.map((index, i) => checkIndex(index, i, raw))
  }
  if (typeof path !== 'string')
    throw new InvalidPathError({ path: describeValue(path), reason: 'a path must be a string' })
  const body = path.startsWith('m/') ? path.slice(2) : path === 'm' ? '' : path
  const segments = body === '' ? [] : body.split('/')
  checkDepth(segments.length, path)
  return segments.map((segment, i) => {
    const match = /^(\d+)(['hH]?)$/.exec(segment)
    if (!match)
      throw new InvalidPathError({
        path,
        reason: `level ${i} "${segment}" is not a number optionally followed by ' or h`,
      })
    const index = Number(match[1])
    if (!Number.isSafeInteger(index) || index >= hardenedOffset)
      throw new InvalidPathError({
        path,
        reason: `level ${i} "${segment}" must be an integer in range 0..2**31-1`,
      })
    return match[2] ? index + hardenedOffset : index
  })
}

function checkDepth(levels: number, path: string) {
  if (levels === 0) throw new InvalidPathError({ path, reason: 'the path has no levels' })
  if (levels > maxDepth)
    throw new InvalidPathError({
      path,
      reason: `the path has ${levels} levels; devices accept at most ${maxDepth}`,
    })
}

function checkIndex(index: number, i: number, path: string): number {
  if (!Number.isInteger(index) || index < 0 || index > 0xffffffff)
    throw new InvalidPathError({
      path,
      reason: `index ${i} must be an integer in range 0..2**32-1, got ${describeValue(index)}`,
    })
  return index
}
