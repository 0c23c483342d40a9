/**
 * `airlock`: a hardware wallet from the command line. Progress goes to stderr, results to stdout.
 */
import { BaseError, type DeviceStatus } from '@airlock/core'
import { connectDevice } from './connectDevice.js'
import { parseCliArguments } from './parseCliArguments.js'
import { runCommand } from './runCommand.js'

function progress(status: DeviceStatus) {
  const line =
    status.type === 'confirm-on-device'
      ? 'Confirm on your device…'
      : status.type === 'unlock-device'
        ? 'Unlock your device…'
        : status.type === 'open-app'
          ? `Open the ${status.appName} app on your device…`
          : status.type === 'connecting'
            ? 'Connecting to the device…'
            : undefined
  if (line) process.stderr.write(`${line}\n`)
}

function print(result: unknown, json: boolean) {
  const text = JSON.stringify(
    result,
    (_, value) => (typeof value === 'bigint' ? value.toString() : value),
    json ? 0 : 2,
  )
  process.stdout.write(`${text}\n`)
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseCliArguments>
  try {
    args = parseCliArguments(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`)
    return 2
  }
  const connection = await connectDevice(args)
  process.stderr.write(`Using ${connection.description}\n`)
  connection.signer.onStatus(progress)
  try {
    print(await runCommand(connection.signer, args), args.json)
    return 0
  } catch (error) {
    if (!(error instanceof BaseError)) throw error
    const cause = error.walk((e) => e instanceof BaseError && e.constructor !== BaseError)
    const typed = (cause instanceof BaseError ? cause : error) as BaseError
    process.stderr.write(
      `${typed.name}: ${typed.shortMessage}\n${(typed.metaMessages ?? []).join('\n')}\n`,
    )
    return 1
  } finally {
    await connection.close()
  }
}

process.exitCode = await main()
