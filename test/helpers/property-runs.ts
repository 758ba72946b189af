/**
 * How many inputs each property test tries: 5,000 by default, so that the suite stays well inside CI's time on two
 * cores; `COURSEHOOKS_PROPERTY_RUNS=100000 npm test` searches further.
 */
export const runs = { numRuns: Number(process.env.COURSEHOOKS_PROPERTY_RUNS) || 5_000 };
