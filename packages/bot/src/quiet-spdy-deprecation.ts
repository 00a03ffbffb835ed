/**
 * restify 11 requires spdy (HTTP/2) when it loads, whether or not a server uses it, and spdy's
 * http-deceiver calls `process.binding('http_parser')`, which Node deprecates (DEP0111): two
 * warnings on every start that no one running the bot can act on. We do not use HTTP/2, so this
 * one warning is dropped; every other warning, DEP0111 for any other binding included, is
 * printed as before. Imported first in main.ts, so it is in place before restify loads.
 */
export function isSpdyParserDeprecation(warning: string | Error, typeOrOptions?: unknown, code?: unknown): boolean {
  const message = typeof warning === 'string' ? warning : warning.message;
  const warningCode = typeof typeOrOptions === 'object' && typeOrOptions !== null ? (typeOrOptions as { code?: unknown }).code : code;
  return warningCode === 'DEP0111' && message.includes("process.binding('http_parser')");
}

const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  if (isSpdyParserDeprecation(warning, rest[0], rest[1])) return;
  (emitWarning as (...args: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;
