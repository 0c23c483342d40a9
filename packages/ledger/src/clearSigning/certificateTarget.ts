import type { LedgerCertificateTarget } from './types.js'

// hw-transport's model ids (`@ledgerhq/devices` DeviceModelId) to CAL's targets; Flex is "europa".
const targets: Record<string, LedgerCertificateTarget> = {
  nanoS: 'nanoS',
  nanoSP: 'nanoSP',
  nanoX: 'nanoX',
  stax: 'stax',
  europa: 'flex',
  flex: 'flex',
  apex: 'apexp',
}

/** The certificate target of a connected model (hw-transport's `deviceModel.id`), if known. */
export function certificateTarget(
  modelId: string | undefined,
): LedgerCertificateTarget | undefined {
  return modelId === undefined ? undefined : targets[modelId]
}
