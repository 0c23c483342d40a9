// `@airlock/ledger/descriptors`: build-time tools for ERC-7730 clear signing (Node): the CAL
// client `airlock-ledger descriptors` uses, for scripts that write descriptor modules themselves.
export {
  type DescriptorsArguments,
  DescriptorsUsageError,
  descriptorsModule,
  parseDescriptorsArguments,
  runDescriptorsCommand,
} from '../bin/descriptorsCommand.js'
export {
  type CalClient,
  type CalClientOptions,
  createCalClient,
  ledgerCalUrl,
} from '../clearSigning/cal/calClient.js'
export { CalRequestError } from '../clearSigning/cal/calErrors.js'
export {
  certificateTargets,
  fetchLedgerDescriptors,
} from '../clearSigning/cal/fetchLedgerDescriptors.js'
export {
  type CalCalldataDescriptor,
  type CalCalldataResponse,
  fromCalDescriptors,
  InvalidCalResponseError,
} from '../clearSigning/fromCalDescriptors.js'
