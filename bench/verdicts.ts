import type { Contest, ValueChecker } from "./competitors/index.js";

/** The inputs each competitor judges: the example as published, and with one field wrong. */
export type InputKind = "valid" | "wrong type" | "bad date-time";

/** A competitor that judged an input otherwise than the generated validator. */
export interface Disagreement {
  label: string;
  file: string;
  input: InputKind;
  pointer: string;
  checker: ValueChecker | "parse(raw)";
  expected: boolean;
  got: boolean;
}

function inputs(contest: Contest): Array<{ kind: InputKind; pointer: string; value: unknown }> {
  const c = contest.case;
  return [
    { kind: "valid", pointer: "", value: c.value },
    { kind: "wrong type", pointer: c.invalid.pointer, value: c.invalid.value },
    ...(c.badDate ? [{ kind: "bad date-time" as const, pointer: c.badDate.pointer, value: c.badDate.value }] : []),
  ];
}

/**
 * Every verdict that differs from the generated guard's, on every input (and the guard's own verdicts against
 * what each input is: a published example valid, a broken one invalid).
 */
export function disagreements(list: readonly Contest[]): Disagreement[] {
  const found: Disagreement[] = [];
  for (const contest of list) {
    const { label, file } = contest.case;
    for (const input of inputs(contest)) {
      const expected = input.kind === "valid";
      const seen = Object.entries(contest.value).map(([checker, check]) => [checker, check(input.value)] as const);
      seen.push(["parse(raw)", contest.raw["parse(raw)"](JSON.stringify(input.value))]);
      for (const [checker, got] of seen)
        if (got !== expected)
          found.push({
            label,
            file,
            input: input.kind,
            pointer: input.pointer,
            checker: checker as never,
            expected,
            got,
          });
    }
  }
  return found;
}
