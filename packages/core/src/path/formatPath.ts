import { type DerivationPath, hardenedOffset, parsePath } from './parsePath.js'

/** Formats a path in the one canonical form, `m/44'/60'/0'/0/0`, validating it on the way. */
export function formatPath(path: DerivationPath | readonly number[]): DerivationPath {
  const indices = parsePath(path)
  return `m/${indices.map((index) => (index >= hardenedOffset ? `${index - hardenedOffset}'` : `${index}`)).join('/')}`
}
