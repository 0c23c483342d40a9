/**
 * The emulator flows both consumer scripts run, on the modules they hand in by entry name
 * (imported by consumer.mjs, required by consumer.cjs): this file loads nothing itself. For each
 * device: the first addresses, a personal message and an EIP-1559 transaction, each checked with
 * viem against keys derived from the test mnemonic; on the Ledger, as shipped (blind signing off),
 * a USDC transfer and a USDC permit clear-signed with the bundled descriptors, which load as chunks
 * of their own. TEST KEYS ONLY.
 */
const recipient = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'
const manifest = {
  appName: 'Airlock consumer test',
  appUrl: 'https://airlock.invalid',
  email: 'dev@airlock.invalid',
}

function check(condition, what) {
  if (!condition) throw new Error(`${what}: verification failed`)
}

async function exercise(name, account, { modules, viem, viemAccounts }) {
  const core = modules['@airlock/core']
  const { testMnemonic } = modules['@airlock/emulator']
  const expected = [0, 1, 2].map(
    (index) => viemAccounts.mnemonicToAccount(testMnemonic, { path: core.bip44(index) }).address,
  )
  const page = await core.discoverAccounts(account.signer, { scheme: 'bip44', limit: 3 })
  const addresses = page.map((entry) => entry.address)
  check(account.address === expected[0], `${name} account address`)
  check(addresses.join() === expected.join(), `${name} discovered addresses`)

  const message = `Hello from a ${name} consumer`
  const signature = await account.signMessage({ message })
  check(
    await viem.verifyMessage({ address: account.address, message, signature }),
    `${name} message`,
  )

  const serializedTransaction = await account.signTransaction({
    type: 'eip1559',
    chainId: 1,
    to: recipient,
    value: viem.parseEther('0.01'),
    nonce: 0,
    gas: 21_000n,
    maxFeePerGas: viem.parseGwei('30'),
    maxPriorityFeePerGas: viem.parseGwei('1'),
  })
  const sender = await viem.recoverTransactionAddress({ serializedTransaction })
  check(sender === account.address, `${name} EIP-1559 transaction`)

  console.log(
    `${name}: addresses ${addresses.join(', ')}; message and EIP-1559 transaction verified`,
  )
}

async function exerciseLedgerClearSigning(account, device, { viem }) {
  const usdc = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48'
  const displays = []
  account.signer.onStatus((status) => {
    if (status.type === 'confirm-on-device') displays.push(status.display)
  })
  const serializedTransaction = await account.signTransaction({
    type: 'eip1559',
    chainId: 1,
    to: usdc,
    data: viem.encodeFunctionData({
      abi: viem.erc20Abi,
      functionName: 'transfer',
      args: [recipient, 1_500_000n],
    }),
    nonce: 1,
    gas: 60_000n,
    maxFeePerGas: viem.parseGwei('30'),
    maxPriorityFeePerGas: viem.parseGwei('1'),
  })
  const sender = await viem.recoverTransactionAddress({ serializedTransaction })
  check(sender === account.address, 'ledger USDC transfer')
  const permit = {
    domain: { name: 'USD Coin', version: '2', chainId: 1, verifyingContract: usdc },
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
    message: {
      owner: account.address,
      spender: recipient,
      value: 2_500_000n,
      nonce: 0n,
      deadline: 1_900_000_000n,
    },
  }
  const signature = await account.signTypedData(permit)
  check(
    await viem.verifyTypedData({ ...permit, address: account.address, signature }),
    'ledger USDC permit',
  )
  const screens = device.reviews.flatMap((review) => review.screens.map((screen) => screen.value))
  check(displays.join() === 'clear,clear', `ledger clear signing (displays: ${displays.join()})`)
  check(screens.includes('1.5 USDC') && screens.includes('2.5 USDC'), 'ledger clear-signed screens')
  console.log('ledger: USDC transfer and permit clear-signed offline with blind signing off')
}

module.exports = async function runDeviceFlows(api) {
  const emulator = api.modules['@airlock/emulator']
  const ledger = api.modules['@airlock/ledger']
  const trezor = api.modules['@airlock/trezor']

  const ledgerDevice = emulator.createLedgerEmulator()
  const ledgerAccount = await ledger.toLedgerAccount({
    transport: ledgerDevice.transport,
    index: 0,
    scheme: 'bip44',
  })
  try {
    await exercise('ledger', ledgerAccount, api)
    await exerciseLedgerClearSigning(ledgerAccount, ledgerDevice, api)
  } finally {
    await ledgerAccount.signer.close()
  }

  const trezorDevice = await emulator.createTrezorEmulator()
  try {
    const trezorAccount = await trezor.toTrezorAccount({
      connect: trezorDevice.connect,
      manifest,
      index: 0,
      scheme: 'bip44',
    })
    try {
      await exercise('trezor', trezorAccount, api)
    } finally {
      await trezorAccount.signer.close()
    }
  } finally {
    await trezorDevice.dispose()
  }
}
