/** A body as received: raw text or bytes, or a value some framework already parsed. */
export type Body = string | Uint8Array | unknown;

type Decoded = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * Raw bodies are decoded as UTF-8 (a leading byte-order mark is skipped) and parsed as JSON; other values pass through.
 */
export function decodeBody(input: Body): Decoded {
  let text: string;
  if (typeof input === "string") text = input;
  else if (input instanceof Uint8Array) {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch {
      return { ok: false, message: "The body is not valid UTF-8." };
    }
  } else return { ok: true, value: input };
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch (error) {
    return { ok: false, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * Whether JSON text nests arrays and objects no deeper than `max`: one pass over the text, no parsing,
 * so a hostile body is refused before `JSON.parse` spends time on it.
 */
export function nestingWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return false;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return true;
}
