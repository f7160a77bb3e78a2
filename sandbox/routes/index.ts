/**
 * The endpoint table: every module's routes, matched case-insensitively under /v2/ (a trailing slash is
 * ignored). Handlers run after authentication, the region check and the rate limiter (see server.ts).
 * A new endpoint family lives in its own module here and adds its routes to ROUTES.
 */
import type { Route } from './common';
import { LEAD_ROUTES } from './leads';

export { postUpdatedLeadFlag } from './common';
export type { Route, RouteContext, SandboxState } from './common';

export const ROUTES: Route[] = [...LEAD_ROUTES];

const BY_PATH = new Map(ROUTES.map((r) => [r.path.toLowerCase(), r]));

/** The route of a decoded path (case-insensitive, trailing slash ignored). */
export function matchRoute(path: string): Route | undefined {
	const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
	return BY_PATH.get(normalized.toLowerCase());
}
