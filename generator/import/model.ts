/** A TypeScript type from the SDK's declarations, as plain data: what the schema conversion needs and no more. */
export type TypeModel =
  | { kind: "string" | "number" | "boolean" | "null" | "unknown" }
  | { kind: "literal"; value: string | number | boolean }
  | { kind: "union"; of: TypeModel[] }
  | { kind: "array"; items: TypeModel }
  | ObjectModel
  /** A named object declared at the top level of a declaration file: a candidate for `common/`. */
  | { kind: "ref"; name: string };

export interface ObjectModel {
  kind: "object";
  /** The JSDoc of the interface or type literal, when it has one. */
  doc?: string;
  members: Member[];
  /** Whether the type has an index signature (`[key: string]: unknown`): an open map. */
  open: boolean;
}

export interface Member {
  name: string;
  /** Declared with `?`: may be absent. */
  optional: boolean;
  doc?: string;
  type: TypeModel;
}

/** A named object the events refer to, with where it is declared. */
export interface NamedObject {
  name: string;
  /** The declaration file below the package: `resources/shared.d.ts`. */
  file: string;
  model: ObjectModel;
}

/** One webhook event of the SDK's event union. */
export interface SdkEvent {
  /** The event type: the string literal of the interface's `type` member. */
  type: string;
  /** The interface name: `PaymentSucceededWebhookEvent`. */
  declaration: string;
  file: string;
  model: ObjectModel;
}

/** Everything the import reads from the SDK: its events and the named objects they refer to. */
export interface SdkTypes {
  events: SdkEvent[];
  named: Map<string, NamedObject>;
}
