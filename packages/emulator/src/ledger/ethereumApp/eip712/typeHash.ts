import { hexToBytes, keccak256, toBytes } from 'viem'
import { StatusWord } from '../../apdu/statusWords.js'
import { ApduStatusError } from '../../errors.js'
import type { Eip712Field } from './session.js'
import { fieldTypeName } from './structDefinition.js'

/** `encodeType(primary)` of EIP-712: the struct, then every referenced struct sorted by name. */
export function encodeType(
  structs: ReadonlyMap<string, readonly Eip712Field[]>,
  primary: string,
): string {
  const deps = new Set<string>()
  const visit = (name: string) => {
    for (const field of structFields(structs, name)) {
      if (field.kind === 'custom' && field.structName !== primary && !deps.has(field.structName)) {
        deps.add(field.structName)
        visit(field.structName)
      }
    }
  }
  visit(primary)
  return [primary, ...[...deps].sort()]
    .map(
      (name) =>
        `${name}(${structFields(structs, name)
          .map((f) => `${fieldTypeName(f)} ${f.name}`)
          .join(',')})`,
    )
    .join('')
}

/** `typeHash = keccak256(encodeType(name))`. */
export function typeHash(
  structs: ReadonlyMap<string, readonly Eip712Field[]>,
  name: string,
): Uint8Array {
  return hexToBytes(keccak256(toBytes(encodeType(structs, name))))
}

/** The fields of a defined struct; 0x6A80 when it was never defined. */
export function structFields(
  structs: ReadonlyMap<string, readonly Eip712Field[]>,
  name: string,
): readonly Eip712Field[] {
  const fields = structs.get(name)
  if (!fields) throw new ApduStatusError(StatusWord.incorrectData, `Undefined struct ${name}`)
  return fields
}
