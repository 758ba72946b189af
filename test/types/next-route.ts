// The Next.js route handler recipe, checked as `next build` checks a route.ts: its exports satisfy the
// RouteHandlerConfig type Next generates (next/dist/server/lib/router-utils/typegen.js), and POST takes the
// NextRequest Next passes and resolves to a Response. Node's types, as in every Next.js project (next-env.d.ts).
/// <reference types="node" />
import type { NextRequest } from "next/server.js";
import { expectTypeOf } from "vitest";
import * as route from "../../examples/frameworks/next-route.js";

type Handler = (
  request: NextRequest,
  // biome-ignore lint/complexity/noBannedTypes: Next.js types a route without dynamic segments as Promise<{}>
  context: { params: Promise<{}> },
) => Promise<Response | undefined> | Response | undefined;
type RouteHandlerConfig = {
  GET?: Handler;
  POST?: Handler;
  PUT?: Handler;
  PATCH?: Handler;
  DELETE?: Handler;
  HEAD?: Handler;
  OPTIONS?: Handler;
};

expectTypeOf<NextRequest>().not.toBeAny();
route satisfies RouteHandlerConfig;
declare const request: NextRequest;
expectTypeOf(route.POST(request)).toEqualTypeOf<Promise<Response>>();
