import { describe, expect, it } from "vitest";
import { dateTime } from "../../generator/date-time.js";

describe("date-time (RFC 3339)", () => {
  it.each([
    ["UTC with Z", "2025-10-07T15:30:00Z"],
    ["microseconds (Teachfloor)", "2025-10-07T15:30:00.000000Z"],
    ["milliseconds (eduMe, Whop)", "2022-07-13T12:03:54.530Z"],
    ["an offset (Teachify)", "2023-12-04T18:45:44+08:00"],
    ["a negative offset", "2023-12-04T18:45:44-05:30"],
    ["lower-case t and z", "2023-12-04t18:45:44z"],
    ["a leap second", "2016-12-31T23:59:60Z"],
    ["29 February of a leap year", "2024-02-29T00:00:00Z"],
    ["29 February of a leap century", "2000-02-29T00:00:00Z"],
    ["31 December", "2023-12-31T23:59:59.999+14:00"],
  ])("accepts %s", (_, value) => {
    expect(dateTime.test(value)).toBe(true);
  });

  it.each([
    ["no offset", "2025-10-07T15:30:00"],
    ["a space instead of T", "2025-10-07 15:30:00Z"],
    ["an offset without colon", "2021-05-18 10:39:02 +0800"],
    ["month 13", "2025-13-07T15:30:00Z"],
    ["day 32", "2025-10-32T15:30:00Z"],
    ["hour 24", "2025-10-07T24:00:00Z"],
    ["a date alone", "2025-10-07"],
    ["a trailing newline", "2025-10-07T15:30:00Z\n"],
    ["29 February of a common year", "2023-02-29T00:00:00Z"],
    ["29 February of a century that is not a leap year", "1900-02-29T00:00:00Z"],
    ["30 February", "2024-02-30T00:00:00Z"],
    ["31 April", "2024-04-31T00:00:00Z"],
    ["an offset hour of 24", "2024-04-30T00:00:00+24:00"],
  ])("rejects %s", (_, value) => {
    expect(dateTime.test(value)).toBe(false);
  });
});
