/** A display the device would not show as it is. */
export type BlindDisplay = { display: 'blind'; reason: string }

/**
 * Why the Core fonts would not draw `text` as it is: they have glyphs for printable ASCII and break
 * lines at `\n`; every other character is one placeholder glyph (core/embed/rust/src/ui/display/
 * font.rs `get_glyph_data`, English; a language pack adds its letters, which we do not assume).
 */
export function notDrawn(text: string, where = 'this message'): BlindDisplay | undefined {
  const count = [...text.replace(/[ -~\n]/g, '')].length
  return count
    ? {
        display: 'blind',
        reason: `${where}: ${count} characters the device cannot draw`,
      }
    : undefined
}
