/**
 * The routes of activities, tasks, opportunities, notes and users, for the endpoint table (index.ts).
 * This file only gathers routes and answers nothing itself: each route's answer names its source ([DOC] page,
 * [CODE]/[live] id, or [INF] with the reason) on the Source: line in its own module (test/sandbox/sources.test.ts).
 */
import { ACTIVITY_ROUTES } from './activities';
import type { Route } from './common';
import { NOTE_ROUTES } from './notes';
import { OPPORTUNITY_ROUTES } from './opportunities';
import { TASK_ROUTES } from './tasks';
import { USER_ROUTES } from './users';

export const CRM_ROUTES: Route[] = [...ACTIVITY_ROUTES, ...TASK_ROUTES, ...OPPORTUNITY_ROUTES, ...NOTE_ROUTES, ...USER_ROUTES];
