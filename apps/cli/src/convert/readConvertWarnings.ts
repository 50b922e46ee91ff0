import { QtkError } from '@qtk/ir';

/** The artifact section in which a backend records its conversion warnings. */
export const CONVERT_SECTION = 'qtk.convert';

/**
 * The warnings of a quantized artifact's `qtk.convert` section (JSON `{ version: 1, warnings:
 * string[] }`); none when the section is absent (a backend need not write it). The file is
 * untrusted: anything else is an error naming it.
 */
export function readConvertWarnings(
  sections: Readonly<Record<string, Uint8Array>> | undefined,
  source: string,
): string[] {
  const bytes = sections?.[CONVERT_SECTION];
  if (bytes === undefined) return [];
  const bad = (what: string): never => {
    throw new QtkError('cli.convert-section', `${source}: section ${CONVERT_SECTION} ${what}`);
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    bad('is not valid JSON');
  }
  const section = parsed as { version?: unknown; warnings?: unknown } | null;
  if (typeof section !== 'object' || section === null) return bad('is not a JSON object');
  if (section.version !== 1) return bad(`has version ${JSON.stringify(section.version)}; this qtk reads version 1`);
  const { warnings } = section;
  if (!Array.isArray(warnings) || !warnings.every((w) => typeof w === 'string')) {
    return bad('has no list of warnings (strings)');
  }
  return warnings;
}
