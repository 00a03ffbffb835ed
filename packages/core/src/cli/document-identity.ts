import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pngSize, type DocumentIdentity } from '../excel/workbook-style.js';
import { CliError, type CommandInput } from './command.js';

/** The option every command that writes a document takes. */
export const COUNCIL_OPTION = { council: { type: 'string' } } as const;
export const COUNCIL_DETAILS = '  --council NAME      the council named in page headers and title areas (default: $COUNCIL_NAME; none if unset)';

/**
 * The council a written document names: `--council`, else $COUNCIL_NAME; and its logo from
 * $COUNCIL_LOGO (a PNG file). Neither set: documents carry no council line.
 */
export async function documentIdentity({ options, io }: CommandInput): Promise<DocumentIdentity> {
  const name = (typeof options.council === 'string' ? options.council : io.env.COUNCIL_NAME)?.trim();
  const logoPath = io.env.COUNCIL_LOGO?.trim();
  if (!logoPath) return name ? { councilName: name } : {};
  let logo: Buffer;
  try {
    logo = await readFile(resolve(io.cwd, logoPath));
  } catch (error) {
    throw new CliError(`cannot read the council logo COUNCIL_LOGO=${logoPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}): point it at a PNG file, or unset it`);
  }
  if (!pngSize(logo)) throw new CliError(`the council logo COUNCIL_LOGO=${logoPath} is not a PNG image: save it as .png, or unset it`);
  return { ...(name ? { councilName: name } : {}), logo };
}
