import type {
  LedgerDescriptors as LedgerPackageDescriptors,
  LedgerServicesOption as LedgerPackageServicesOption,
  LedgerTransport as LedgerPackageTransport,
} from '@airlock/ledger'
import { expectTypeOf, test } from 'vitest'
import type { LedgerParameters } from './ledger.js'
import type { LedgerDescriptors, LedgerServicesOption, LedgerTransport } from './ledgerTypes.js'

// Checked by tsc (`pnpm typecheck`): a type here that drifts from @airlock/ledger's fails it.
test("the connector's Ledger option types are @airlock/ledger's", () => {
  expectTypeOf<LedgerTransport>().toEqualTypeOf<LedgerPackageTransport>()
  expectTypeOf<LedgerDescriptors>().toEqualTypeOf<LedgerPackageDescriptors>()
  expectTypeOf<LedgerServicesOption>().toEqualTypeOf<LedgerPackageServicesOption>()
  expectTypeOf<LedgerParameters['descriptors']>().toEqualTypeOf<
    LedgerPackageDescriptors | readonly LedgerPackageDescriptors[] | undefined
  >()
})
