// What the connectors take from `@airlock/provider`, imported on connect. Naming the two functions
// (not the whole package) lets bundlers leave out the rest, such as the EIP-6963 announcer.
export { createHardwareProvider, toProviderRpcError } from '@airlock/provider'
