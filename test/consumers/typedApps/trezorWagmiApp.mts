// A Trezor-only wagmi app: neither @airlock/ledger nor the Ledger SDK installed. Type-checked by
// types.test.ts.
import { createTrezorEmulator } from '@airlock/emulator/trezor'
import type { TrezorConnectLike } from '@airlock/trezor'
import { type TrezorParameters, trezor } from '@airlock/wagmi'
import { createConfig } from '@wagmi/core'
import { http } from 'viem'
import { mainnet } from 'viem/chains'

type IsAny<type> = 0 extends 1 & type ? true : false

const connect: TrezorConnectLike = (await createTrezorEmulator()).connect
const manifest = { appName: 'Example', appUrl: 'https://example.com', email: 'dev@example.com' }
const config = createConfig({
  chains: [mainnet],
  connectors: [
    trezor({ connect, onStatus: (status) => console.log(status.type) }),
    trezor({ id: 'trezor-web', manifest }),
  ],
  transports: { [mainnet.id]: http() },
})

const connectIsTyped: IsAny<TrezorParameters['connect']> = false
// @ts-expect-error a Connect is TrezorConnect or an object with its methods, not any object
trezor({ connect: { foo: 1 } })
// @ts-expect-error the manifest needs the app's name, its URL and a contact email
trezor({ manifest: { appName: 'Example' } })
// @ts-expect-error without a Connect to share, Trezor Connect needs the manifest
trezor({})

export { config, connectIsTyped }
