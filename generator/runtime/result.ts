/** One thing wrong with a payload, located in it. */
export interface Issue {
  /** Keys and indices from the payload's root to the field (Standard Schema style). */
  path: Array<string | number>;
  /** The same place as a JSON Pointer: `/data/member/email`. */
  pointer: string;
  /** What is wrong, for a person: `data.member.email: required property is missing`. */
  message: string;
  /** What the schema wants there. */
  expected: string;
  /** What the payload has there. */
  received: string;
}

/** Why a body could not be turned into an event. */
export type ParseError =
  | { code: "invalid_json"; message: string }
  | { code: "unknown_event"; message: string; type: string }
  | { code: "invalid_payload"; message: string; issues: Issue[]; truncated: boolean };

/** A result, never an exception: the event, or why there is none. */
export type ParseResult<E> = { ok: true; event: E } | { ok: false; error: ParseError };
