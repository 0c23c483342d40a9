import { isAddress } from 'viem'

/** A config problem, as Hardhat's `validateUserConfig` hook reports it. */
export type AirlockConfigIssue = { path: Array<string | number>; message: string }

const devices = ['ledger', 'trezor']
const schemes = ['ledgerLive', 'bip44', 'legacy']
const pathPattern = /^m(\/\d+'?)+$/

/**
 * Checks a network's `airlock` field; returns every problem with its path under `networks`, so
 * Hardhat shows them all before anything runs.
 */
export function validateAirlockConfig(network: string, value: unknown): AirlockConfigIssue[] {
  if (value === undefined) return []
  const base = ['networks', network, 'airlock']
  const issue = (path: Array<string | number>, message: string) => ({
    path: [...base, ...path],
    message,
  })
  if (!isObject(value)) return [issue([], 'Expected an object with `accounts`')]
  const issues: AirlockConfigIssue[] = []
  const { accounts, searchLimit, ledger, trezor, emulator } = value
  if (!Array.isArray(accounts)) issues.push(issue(['accounts'], 'Expected an array of accounts'))
  else
    accounts.forEach((account, index) => {
      const message = accountProblem(account)
      if (message) issues.push(issue(['accounts', index], message))
    })
  if (
    searchLimit !== undefined &&
    (!Number.isInteger(searchLimit) || (searchLimit as number) < 1 || (searchLimit as number) > 100)
  )
    issues.push(issue(['searchLimit'], 'Expected an integer from 1 to 100'))
  for (const [key, field] of Object.entries({ ledger, trezor, emulator }))
    if (field !== undefined && !isObject(field)) issues.push(issue([key], 'Expected an object'))
  if (
    isObject(emulator) &&
    emulator.mnemonic !== undefined &&
    typeof emulator.mnemonic !== 'string'
  )
    issues.push(issue(['emulator', 'mnemonic'], 'Expected a string'))
  return issues
}

function accountProblem(account: unknown): string | undefined {
  if (!isObject(account))
    return 'Expected { device, index, scheme }, { device, path } or { device, address }'
  if (!devices.includes(account.device as string)) return 'Expected `device`: "ledger" or "trezor"'
  const ways = ['index', 'path', 'address'].filter((key) => account[key] !== undefined)
  if (ways.length !== 1) return 'Expected exactly one of `index`, `path` or `address`'
  if (account.index !== undefined) {
    if (
      !Number.isInteger(account.index) ||
      (account.index as number) < 0 ||
      (account.index as number) >= 2 ** 31
    )
      return 'Expected `index`: an integer from 0 to 2^31 - 1'
    if (account.scheme !== undefined && !schemes.includes(account.scheme as string))
      return 'Expected `scheme`: "ledgerLive", "bip44" or "legacy"'
  }
  if (
    account.path !== undefined &&
    (typeof account.path !== 'string' || !pathPattern.test(account.path))
  )
    return "Expected `path` like \"m/44'/60'/0'/0/0\""
  if (
    account.address !== undefined &&
    (typeof account.address !== 'string' || !isAddress(account.address, { strict: false }))
  )
    return 'Expected `address`: a 0x-prefixed 20-byte address'
  return undefined
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
