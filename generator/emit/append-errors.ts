/**
 * AJV's standalone code adds the errors of a referenced schema's validator to the errors so far by copying them
 * (`vErrors = vErrors === null ? validateN.errors : vErrors.concat(validateN.errors);`): called once per item of a
 * hostile array, that copying is quadratic. This appends them in place instead, which is linear.
 */
const copying = /vErrors = vErrors === null \? (\w+)\.errors : vErrors\.concat\(\1\.errors\);/g;

export function appendErrorsInPlace(code: string): string {
  const appended = code.replace(
    copying,
    (_, validate: string) =>
      `if (vErrors === null) vErrors = ${validate}.errors; ` +
      `else for (const error of ${validate}.errors) vErrors.push(error);`,
  );
  if (appended.includes("vErrors.concat("))
    throw new Error("The validators' code copies errors in a way appendErrorsInPlace does not know.");
  return appended;
}
