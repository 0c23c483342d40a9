import { parseArgs } from 'node:util'
import { type DerivationPath, formatPath, type PathScheme, pathSchemes } from '@airlock/core'

export const commands = [
  'addresses',
  'show-address',
  'sign-message',
  'sign-typed-data',
  'sign-tx',
  'send',
] as const
export type Command = (typeof commands)[number]

export type CliArguments = {
  command: Command
  /** The command's positional argument: a message, typed-data JSON, … */
  input: string | undefined
  device: 'ledger' | 'trezor'
  emulator: boolean
  rpc: string | undefined
  path: DerivationPath
  scheme: PathScheme
  index: number
  count: number
  to: string | undefined
  value: string
  data: string | undefined
  chainId: number | undefined
  json: boolean
}

export const usage = `Usage: airlock <command> [input] [options]

Commands:
  addresses                 list a page of accounts (--scheme, --index, --count)
  show-address              show the account's address on the device
  sign-message <text>       personal_sign a message (0x… is signed as raw bytes)
  sign-typed-data <json>    sign EIP-712 typed data (a JSON string or @file.json)
  sign-tx                   sign a transaction (--to, --value, --data; fees from --rpc)
  send                      sign and send a transaction through --rpc

Options:
  --ledger | --trezor       the device (default: --ledger)
  --emulator                use the built-in emulator (TEST KEYS ONLY) instead of a device
  --rpc <url>               JSON-RPC endpoint for sign-tx and send
  --scheme <s>              ledgerLive | bip44 | legacy (default: bip44)
  --index <i>               account index in the scheme (default: 0)
  --path <path>             a derivation path, instead of --scheme/--index
  --count <n>               accounts per page for addresses (default: 5)
  --to, --value, --data     the transaction (value in ether)
  --chain-id <id>           the chain of sign-tx without --rpc (default: 1)
  --json                    print JSON
`

/** Parses and validates the command line; throws an Error whose message is fit for the user. */
export function parseCliArguments(argv: readonly string[]): CliArguments {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      ledger: { type: 'boolean' },
      trezor: { type: 'boolean' },
      emulator: { type: 'boolean' },
      rpc: { type: 'string' },
      scheme: { type: 'string', default: 'bip44' },
      index: { type: 'string', default: '0' },
      path: { type: 'string' },
      count: { type: 'string', default: '5' },
      to: { type: 'string' },
      value: { type: 'string', default: '0' },
      data: { type: 'string' },
      'chain-id': { type: 'string' },
      json: { type: 'boolean' },
    },
  })
  const [command, input] = positionals
  if (!commands.includes(command as Command))
    throw new Error(command ? `Unknown command "${command}".\n\n${usage}` : usage)
  if (values.ledger && values.trezor) throw new Error('Choose one of --ledger and --trezor.')
  const scheme = values.scheme as PathScheme
  if (!(scheme in pathSchemes))
    throw new Error(`Unknown --scheme "${scheme}": ledgerLive, bip44 or legacy.`)
  const index = wholeNumber('--index', values.index)
  const path = values.path ? formatPath(values.path) : pathSchemes[scheme](index)
  if (command === 'send' && !values.rpc) throw new Error('send needs --rpc <url>.')
  if ((command === 'sign-tx' || command === 'send') && !values.to)
    throw new Error(`${command} needs --to <address>.`)
  if ((command === 'sign-message' || command === 'sign-typed-data') && input === undefined)
    throw new Error(`${command} needs its input as an argument.`)
  return {
    command: command as Command,
    input,
    device: values.trezor ? 'trezor' : 'ledger',
    emulator: values.emulator ?? false,
    rpc: values.rpc,
    path,
    scheme,
    index,
    count: wholeNumber('--count', values.count),
    to: values.to,
    value: values.value,
    data: values.data,
    chainId:
      values['chain-id'] === undefined ? undefined : wholeNumber('--chain-id', values['chain-id']),
    json: values.json ?? false,
  }
}

function wholeNumber(name: string, value: string): number {
  const number = Number(value)
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number))
    throw new Error(`${name} must be a whole number, got "${value}".`)
  return number
}
