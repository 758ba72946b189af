// Shared by the createHandler tests: a Teachfloor delivery, its signer, and a Node response that records.
import * as teachfloor from "@coursehooks/teachfloor";
import { example } from "../helpers/examples.js";

export { teachfloor };
export const secret = "handler-test-secret";
export const event = example("teachfloor", "course.join.json") as { id: string; type: string };
export const body = JSON.stringify(event);

/** The example with another envelope id: a distinct delivery of the same event. */
export const withId = (id: string) => JSON.stringify({ ...event, id });
export const signed = (text = body) => teachfloor.sign(text, secret);

/** A Node response that records what was written. */
export const recorder = () => {
  const written = { statusCode: 0, headers: {} as Record<string, string>, body: "" };
  return {
    written,
    response: {
      get statusCode() {
        return written.statusCode;
      },
      set statusCode(value: number) {
        written.statusCode = value;
      },
      setHeader: (name: string, value: string) => {
        written.headers[name] = value;
      },
      end: (text: string) => {
        written.body = text;
      },
    },
  };
};

/** A promise and the functions that settle it, for handlers the test releases by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
