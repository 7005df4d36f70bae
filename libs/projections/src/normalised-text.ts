/**
 * Text folded for matching what staff type against what was recorded: case, accents and runs of
 * whitespace do not matter ("  Zoë  O'Brien" matches "zoe o'brien").
 */
export function normalisedText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
