/**
 * The Airlock demo: one viem account on a Ledger and one on a Trezor, each listing accounts, showing
 * its address, signing a transaction, a message and a permit, and being rejected on the device.
 * With no device plugged in, it runs against the built-in emulators (TEST KEYS ONLY).
 */
import {
  type BaseError,
  type DeviceStatus,
  discoverAccounts,
  type HardwareAccount,
  toHardwareAccount,
  UserRejectedOnDeviceError,
} from '@airlock/core'
import { createTrezorEmulator } from '@airlock/emulator'
import { createLedgerSigner } from '@airlock/ledger'
import { createTrezorSigner } from '@airlock/trezor'
import {
  type Hex,
  parseEther,
  parseGwei,
  recoverTransactionAddress,
  verifyMessage,
  verifyTypedData,
} from 'viem'
import { openLedgerTransport } from './openLedgerTransport.js'

const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const manifest = {
  appName: 'Airlock demo',
  appUrl: 'https://github.com/airlock/airlock',
  email: 'dev@airlock.invalid',
}

const permit = (owner: Hex) =>
  ({
    domain: {
      name: 'USD Coin',
      version: '2',
      chainId: 1,
      verifyingContract: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
    },
    types: {
      Permit: [
        { name: 'owner', type: 'address' },
        { name: 'spender', type: 'address' },
        { name: 'value', type: 'uint256' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
      ],
    },
    primaryType: 'Permit',
    message: { owner, spender: recipient, value: 1_000_000n, nonce: 0n, deadline: 1_900_000_000n },
  }) as const

function log(line = '') {
  process.stdout.write(`${line}\n`)
}

function check(ok: boolean) {
  if (!ok) throw new Error('verification failed')
  return 'verified ✓'
}

function showStatus(status: DeviceStatus) {
  if (status.type === 'confirm-on-device')
    log(
      `    … confirm on your device (${status.operation}; shown ${status.display === 'clear' ? 'in clear' : 'BLIND'}${status.reason ? `: ${status.reason}` : ''})`,
    )
  if (status.type === 'open-app') log(`    … open the ${status.appName} app on your device`)
  if (status.type === 'unlock-device') log('    … unlock your device')
}

async function exercise(account: HardwareAccount, screens: () => string[]) {
  log(`  account ${account.path}  ${account.address}`)

  const transaction = {
    chainId: 1,
    type: 'eip1559',
    to: recipient,
    value: parseEther('0.01'),
    nonce: 0,
    gas: 21_000n,
    maxFeePerGas: parseGwei('30'),
    maxPriorityFeePerGas: parseGwei('1'),
  } as const
  const signed = await account.signTransaction(transaction)
  log(`  device showed: ${screens().join(' | ')}`)
  const sender = await recoverTransactionAddress({ serializedTransaction: signed as never })
  log(
    `  signed an EIP-1559 transfer of 0.01 ETH: ${signed.slice(0, 24)}… ${check(sender === account.address)}`,
  )

  const message = 'Hello from Airlock'
  const signature = await account.signMessage({ message })
  log(`  device showed: ${screens().join(' | ')}`)
  log(
    `  signed "${message}": ${signature.slice(0, 24)}… ${check(await verifyMessage({ address: account.address, message, signature }))}`,
  )

  const typedData = permit(account.address)
  const permitSignature = await account.signTypedData(typedData)
  log(`  device showed: ${screens().slice(0, 6).join(' | ')} …`)
  log(
    `  signed a USDC permit: ${permitSignature.slice(0, 24)}… ${check(await verifyTypedData({ address: account.address, ...typedData, signature: permitSignature }))}`,
  )
}

async function rejection(run: () => Promise<unknown>) {
  try {
    await run()
    throw new Error('the device was expected to reject')
  } catch (error) {
    if (!(error instanceof UserRejectedOnDeviceError)) throw error
    const { shortMessage, metaMessages } = error as BaseError
    log(
      `  rejected on the device → ${error.name} (code ${error.code}): ${shortMessage} ${metaMessages?.join(' ')}`,
    )
  }
}

async function ledger() {
  const connection = await openLedgerTransport()
  log(`Ledger — ${connection.description}`)
  const signer = createLedgerSigner({ transport: connection.transport })
  signer.onStatus(showStatus)
  const emulator = connection.emulator
  const screens = () => {
    const review = emulator?.reviews.at(-1)
    return review ? review.screens.map((s) => `${s.title}: ${s.value}`) : ['(see your device)']
  }

  const before = emulator?.exchanges.length ?? 0
  const page = await discoverAccounts(signer, { scheme: 'bip44', limit: 3 })
  const count = emulator ? emulator.exchanges.length - before : 0
  const exchanges = emulator ? ` in ${count} device exchange${count === 1 ? '' : 's'}` : ''
  log(`  accounts (BIP-44)${exchanges}: ${page.map((a) => a.address).join(', ')}`)

  const account = await toHardwareAccount(signer, { index: 0, scheme: 'bip44' })
  await account.verifyAddress()
  log(`  device showed: ${screens().join(' | ')}`)
  await exercise(account, screens)
  if (emulator) {
    emulator.setUser('reject')
    await rejection(() => account.signMessage({ message: 'please reject me' }))
    emulator.setUser('approve')
  }
  await signer.close()
}

async function trezor() {
  const emulator =
    process.env.AIRLOCK_TREZOR === 'connect' ? undefined : await createTrezorEmulator()
  log(
    `Trezor — ${emulator ? `the built-in emulator: ${emulator}` : 'a real Trezor through Trezor Connect'}`,
  )
  const signer = emulator
    ? createTrezorSigner({ connect: emulator.connect })
    : createTrezorSigner({ manifest })
  signer.onStatus(showStatus)
  const screens = () => {
    const review = emulator?.reviews.at(-1)
    return review ? review.screens.map((s) => `${s.title}: ${s.value}`) : ['(see your device)']
  }
  try {
    const page = await discoverAccounts(signer, { scheme: 'bip44', limit: 3 })
    log(`  accounts (BIP-44): ${page.map((a) => a.address).join(', ')}`)
    const account = await toHardwareAccount(signer, { index: 1, scheme: 'bip44' })
    await exercise(account, screens)
    if (emulator) {
      emulator.setUser('reject')
      await rejection(() => account.signMessage({ message: 'please reject me' }))
    }
  } finally {
    await signer.close()
    await emulator?.dispose()
  }
}

log('Airlock demo: a viem account on a hardware wallet. The device confirms every signature;')
log('every signature is recovered and checked against the account before the app gets it.')
log()
await ledger()
log()
await trezor()
log()
log('Done. The same accounts work in createWalletClient({ account }).')
