/** One edit of a parsed payload, addressed by JSON Pointer (RFC 6902 subset). */
export type Patch = { op: "remove"; path: string } | { op: "replace" | "add"; path: string; value: unknown };

/** A payload that must fail, and the field its error must point at. */
export interface Broken {
  /** What is broken, as a sentence. */
  name: string;
  patch: Patch[];
  /** JSON Pointer of the broken field (for a missing field: the field's own pointer). */
  pointer: string;
}

/** The cases of one event schema: a valid payload to start from, and ways to break it. */
export interface EventCases {
  /** The schema's path below its catalogue folder, without `.schema.json`. */
  schema: string;
  /** A documented example (file in the catalogue's examples/), or a payload assembled from documented parts. */
  base: { example: string } | { assembled: unknown; from: string };
  broken: Broken[];
}
