'use client'

import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { useConnect, useConnection, useDisconnect, WagmiProvider } from 'wagmi'

/** WagmiProvider with wagmi's defaults (reconnectOnMount on), react-query, and a connect UI. */
export function Wallet({ config }) {
  const [queryClient] = useState(() => new QueryClient())
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <Connection />
      </QueryClientProvider>
    </WagmiProvider>
  )
}

function Connection() {
  const { address, status } = useConnection()
  const { connect, connectors, error } = useConnect()
  const { disconnect } = useDisconnect()
  return (
    <main>
      <p>
        Status: <span id="status">{status}</span>
      </p>
      <p>
        Account: <output id="address">{address ?? ''}</output>
      </p>
      {connectors.map((connector) => (
        <button key={connector.uid} type="button" onClick={() => connect({ connector })}>
          Connect {connector.name}
        </button>
      ))}
      {status === 'connected' && (
        <button type="button" onClick={() => disconnect()}>
          Disconnect
        </button>
      )}
      {error && <p id="error">{error.message}</p>}
    </main>
  )
}
