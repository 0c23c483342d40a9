/** The longest a value is shown in an error message. */
const maxLength = 200

/**
 * A value as error messages show it: strings and objects as JSON, bigints with `n`, the rest as
 * `String` gives them, cut at 200 characters. It never throws, so that a hostile value (a null
 * prototype, a `toString` that is not a function, a cycle, a symbol) still gets its typed error.
 */
export function describeValue(value: unknown): string {
  let shown: string
  try {
    shown =
      typeof value === 'bigint'
        ? `${value}n`
        : typeof value === 'string' || (typeof value === 'object' && value !== null)
          ? (JSON.stringify(value) ?? String(value))
          : String(value)
  } catch {
    shown = Object.prototype.toString.call(value)
  }
  return shown.length > maxLength ? `${shown.slice(0, maxLength)}…` : shown
}
