import { buildModule } from '@nomicfoundation/hardhat-ignition/modules'

/** Counter, deployed and incremented once by Ignition, from the network's first account. */
export default buildModule('CounterModule', (m) => {
  const counter = m.contract('Counter')
  m.call(counter, 'increment')
  return { counter }
})
