// Where a text stops being JSON: Node 20's JSON.parse errors do not say, so a small scanner finds the place.

export interface JsonSyntaxError {
  line: number;
  column: number;
  message: string;
}

const describe = (text: string, at: number): string =>
  at >= text.length ? "the end of the text" : JSON.stringify(text[at]);

/** The first syntax error in `text` (line and column from 1), or undefined when it is JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let at = 0;
  const fail = (expected: string): never => {
    throw Object.assign(new Error(`expected ${expected}, found ${describe(text, at)}`), { at });
  };
  const space = () => {
    while (at < text.length && " \t\n\r".includes(text[at]!)) at++;
  };
  const literal = (word: string): void => {
    if (!text.startsWith(word, at)) fail("a value");
    at += word.length;
  };
  const string = () => {
    at++;
    while (at < text.length && text[at] !== '"') {
      const c = text.charCodeAt(at);
      if (c < 0x20) fail("a closing quote (a control character must be escaped)");
      if (text[at] === "\\") {
        at++;
        if (text[at] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail("four hex digits after \\u");
          at += 4;
        } else if (!'"\\/bfnrt'.includes(text[at] ?? "x")) fail('an escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)');
      }
      at++;
    }
    if (at >= text.length) fail("a closing quote");
    at++;
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail("a value");
    at += match![0].length;
  };
  const value = (): void => {
    space();
    const c = text[at];
    if (c === "{") {
      at++;
      space();
      if (text[at] === "}") return void at++;
      for (;;) {
        space();
        if (text[at] !== '"') fail("a property name in double quotes");
        string();
        space();
        if (text[at] !== ":") fail("':' after a property name");
        at++;
        value();
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "}") return void at++;
        else fail("',' or '}' after a property value");
      }
    }
    if (c === "[") {
      at++;
      space();
      if (text[at] === "]") return void at++;
      for (;;) {
        value();
        space();
        if (text[at] === ",") at++;
        else if (text[at] === "]") {
          at++;
          return;
        } else fail("',' or ']' after an array element");
      }
    }
    if (c === '"') {
      string();
      return;
    }
    if (c === "t") {
      literal("true");
      return;
    }
    if (c === "f") {
      literal("false");
      return;
    }
    if (c === "n") {
      literal("null");
      return;
    }
    number();
  };
  try {
    value();
    space();
    if (at < text.length) fail("the end of the text");
    return undefined;
  } catch (error) {
    const offset = (error as { at?: unknown }).at;
    if (typeof offset !== "number") return { line: 1, column: 1, message: "nested too deeply to read" };
    const before = text.slice(0, offset).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1, message: (error as Error).message };
  }
}
