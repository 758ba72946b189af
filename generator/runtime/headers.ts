/** Request headers as frameworks give them: a Fetch `Headers`, or a plain object in any letter case. */
export type HeadersLike =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

/** A header's value, whatever the letter case of its name; repeated headers are joined with ", ". */
export function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as { get?: unknown }).get === "function") {
    const value: unknown = (headers as { get(name: string): unknown }).get(name);
    return typeof value === "string" ? value : undefined; // a Headers-like object may answer anything
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers as Record<string, string | readonly string[] | undefined>)) {
    if (key.toLowerCase() === wanted && value !== undefined)
      return typeof value === "string" ? value : value.join(", ");
  }
  return undefined;
}
