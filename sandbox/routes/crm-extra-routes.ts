/**
 * The routes of issue 18's families, for the endpoint table (index.ts): sales activities and their
 * catalog, accounts and account activities, e-mail, list creation, queued deletions of tasks and
 * activities, opportunity details and deletion, note edits.
 * This file only gathers routes and answers nothing itself: each route's answer names its source ([DOC] page,
 * [CODE]/[live] id, or [INF] with the reason) on the Source: line in its own module (test/sandbox/sources.test.ts).
 */
import { ACCOUNT_ACTIVITY_ROUTES } from './account-activities';
import { ACCOUNT_ROUTES } from './accounts';
import type { Route } from './common';
import { EMAIL_ROUTES } from './email';
import { LIST_CREATE_ROUTES } from './list-create';
import { NOTE_EDIT_ROUTES } from './note-edits';
import { OPPORTUNITY_DETAIL_ROUTES } from './opportunity-details';
import { QUEUED_DELETION_ROUTES } from './queued-deletions';
import { SALES_ACTIVITY_ROUTES } from './sales-activities';
import { SALES_CATALOG_ROUTES } from './sales-catalog';

export const CRM_EXTRA_ROUTES: Route[] = [
	...SALES_ACTIVITY_ROUTES,
	...SALES_CATALOG_ROUTES,
	...ACCOUNT_ROUTES,
	...ACCOUNT_ACTIVITY_ROUTES,
	...EMAIL_ROUTES,
	...LIST_CREATE_ROUTES,
	...QUEUED_DELETION_ROUTES,
	...OPPORTUNITY_DETAIL_ROUTES,
	...NOTE_EDIT_ROUTES,
];
