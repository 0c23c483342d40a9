import type { EIP1193EventMap, EIP1193Events } from 'viem'

export type Emitter = EIP1193Events & {
  emit: <event extends keyof EIP1193EventMap>(
    event: event,
    ...args: Parameters<EIP1193EventMap[event]>
  ) => void
}

/** The `on` / `removeListener` half of an EIP-1193 provider, and `emit` for the provider itself. */
export function createEmitter(): Emitter {
  const listeners = new Map<keyof EIP1193EventMap, Set<(...args: any[]) => void>>()
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set()
      set.add(listener)
      listeners.set(event, set)
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener)
    },
    emit(event, ...args) {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(...args)
    },
  }
}
