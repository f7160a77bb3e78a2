/**
 * The endpoint table: every module's routes, matched case-insensitively under /v2/ (a trailing slash is
 * ignored). Handlers run after authentication, the region check and the rate limiter (see server.ts).
 * A new endpoint family lives in its own module here and adds its routes to ROUTES.
 * This file only gathers routes and answers nothing itself: each route's answer names its source ([DOC] page,
 * [CODE]/[live] id, or [INF] with the reason) on the Source: line in its own module (test/sandbox/sources.test.ts).
 */
import type { Route } from './common';
import { LEAD_ROUTES } from './leads';
import { LEAD_DELETE_ROUTES } from './leadDelete';
import { LEAD_SEARCH_ROUTES } from './leadSearch';
import { LIST_ROUTES } from './lists';
import { CRM_ROUTES } from './crm-routes';
import { CRM_EXTRA_ROUTES } from './crm-extra-routes';
import { WEBHOOK_ROUTES } from './webhooks';
import { RECENTLY_MODIFIED_ROUTES } from './recentlyModified';

export { postUpdatedLeadFlag } from './common';
export type { Route, RouteContext, SandboxState } from './common';

export const ROUTES: Route[] = [...LEAD_ROUTES, ...LEAD_SEARCH_ROUTES, ...LEAD_DELETE_ROUTES, ...LIST_ROUTES, ...CRM_ROUTES, ...CRM_EXTRA_ROUTES, ...WEBHOOK_ROUTES, ...RECENTLY_MODIFIED_ROUTES];

const BY_PATH = new Map(ROUTES.map((r) => [r.path.toLowerCase(), r]));

/** The route of a decoded path (case-insensitive, trailing slash ignored). */
export function matchRoute(path: string): Route | undefined {
	const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
	return BY_PATH.get(normalized.toLowerCase());
}
