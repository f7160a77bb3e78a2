/**
 * User endpoints (§11.1, leadsquared-api-more.md §1): `Users.Get`, `User/Retrieve/ByUserId`,
 * `User/Retrieve/ByEmailAddress` and `User/AdvancedSearch`. The id key is `ID` in Users.Get and `UserId`
 * in the other answers, as documented.
 */
import type { UserDefinition } from '../crm-types';
import { jsonAnswer, type Answer } from '../http';
import { compareText, sortWithTies } from '../ties';
import { renderUserDetail, renderUserSummary } from '../users';
import { requiredParam, type Route, type RouteContext } from './common';
import { bodyObject, child, int, isAnswer, isObject, prop, slice, str, text, type Obj } from './crm-common';

const UM = '/v2/UserManagement.svc/';

export const USER_ROUTES: Route[] = [
	// Source: [DOC] https://apidocs.leadsquared.com/get-users → a bare array of users, inactive ones included (users.ts).
	{ name: 'Users.Get', method: 'GET', path: `${UM}Users.Get`, bucket: 'normal', handle: (ctx) => jsonAnswer(200, ctx.state.crm.users.all().map(renderUserSummary)) },
	{ name: 'User/Retrieve/ByUserId', method: 'GET', path: `${UM}User/Retrieve/ByUserId`, bucket: 'normal', handle: byUserId },
	{ name: 'User/Retrieve/ByEmailAddress', method: 'GET', path: `${UM}User/Retrieve/ByEmailAddress`, bucket: 'normal', handle: byEmailAddress },
	{ name: 'User/AdvancedSearch', method: 'POST', path: `${UM}User/AdvancedSearch`, bucket: 'normal', handle: advancedSearch },
];

/** Source: [DOC] https://apidocs.leadsquared.com/get-user-by-id/ → `[user]`, or `[]` for an unknown or inactive user [DOC]. */
function byUserId(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'userId');
	if (typeof id !== 'string') return id;
	return activeUser(ctx, ctx.state.crm.users.byId(id));
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-user-by-email-id/ (the ByUserId object, in an array; `[]` for an
 * unknown or inactive user); the path and its `emailAddress` parameter are [CODE] `LeadSquared/php-library`
 * get_user_by_email. E-mail addresses compare case-insensitively [INF].
 */
function byEmailAddress(ctx: RouteContext): Answer {
	const email = requiredParam(ctx, 'emailAddress');
	if (typeof email !== 'string') return email;
	return activeUser(ctx, ctx.state.crm.users.byEmail(email));
}

function activeUser(ctx: RouteContext, user: UserDefinition | undefined): Answer {
	const { users } = ctx.state.crm;
	return jsonAnswer(200, user && (user.statusCode ?? 0) === 0 ? [renderUserDetail(user, users)] : []);
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/user-advanced-search/ :
 * `{Columns:{Include_CSV}, GroupConditions:[{Condition:[{LookupName, Operator, LookupValue,
 * ConditionOperator}], GroupOperator}], GroupOperator, Sorting:[{ColumnName, Direction}], Paging}` [DOC].
 * Operators eq, neq, lik (contains) and lik_s (starts with), case-insensitive [INF semantics]. Answers a
 * JSON array of user objects; attributes left out of Include_CSV are null ('*' = all) [DOC]; the array
 * wrapper is [INF].
 */
function advancedSearch(ctx: RouteContext): Answer {
	const body = bodyObject(ctx);
	if (isAnswer(body)) return body;
	const { users } = ctx.state.crm;
	const rows = users.all().map((u) => ({ row: renderUserDetail(u, users) }));
	const groups = (Array.isArray(prop(body, 'GroupConditions')) ? (prop(body, 'GroupConditions') as unknown[]) : []).filter(isObject);
	const anyGroup = groups.some((g) => /^or$/i.test(str(g, 'GroupOperator'))) || /^or$/i.test(str(body, 'GroupOperator'));
	const found = rows.filter(({ row }) => {
		if (groups.length === 0) return true;
		const results = groups.map((g) => matchesGroup(row, g));
		return anyGroup ? results.some(Boolean) : results.every(Boolean);
	});
	const sort = (Array.isArray(prop(body, 'Sorting')) ? (prop(body, 'Sorting') as unknown[]) : [prop(body, 'Sorting')]).filter(isObject)[0];
	const column = str(sort, 'ColumnName').trim();
	if (column !== '') {
		const direction = int(sort, 'Direction', 0) === 1 ? -1 : 1;
		const text = (row: Obj): string => String(valueOf(row, column) ?? '').toLowerCase();
		const position = new Map(found.map((entry, index) => [entry, index]));
		const stable = (a: (typeof found)[number], b: (typeof found)[number]): number => (position.get(a) as number) - (position.get(b) as number);
		sortWithTies(found, (a, b) => direction * compareText(text(a.row), text(b.row)), ctx.state.options.unstableTieOrder, stable);
	}
	const paging = child(body, 'Paging');
	const pageSize = Math.max(0, int(paging, 'PageSize', 100)) || 100;
	const pageIndex = Math.max(1, int(paging, 'PageIndex', 1));
	const include = str(child(body, 'Columns'), 'Include_CSV')
		.split(',')
		.map((c) => c.trim().toLowerCase())
		.filter((c) => c !== '');
	return jsonAnswer(
		200,
		slice(found, (pageIndex - 1) * pageSize, pageSize).map(({ row }) => project(row, include)),
	);
}

function matchesGroup(row: Obj, group: Obj): boolean {
	const conditions = (Array.isArray(prop(group, 'Condition')) ? (prop(group, 'Condition') as unknown[]) : []).filter(isObject);
	if (conditions.length === 0) return true;
	const anyOf = conditions.some((c) => /^or$/i.test(str(c, 'ConditionOperator')));
	const results = conditions.map((c) => matchesCondition(row, c));
	return anyOf ? results.some(Boolean) : results.every(Boolean);
}

function matchesCondition(row: Obj, condition: Obj): boolean {
	const actual = String(valueOf(row, str(condition, 'LookupName').trim()) ?? '').toLowerCase();
	const wanted = (text(prop(condition, 'LookupValue')) ?? '').toLowerCase();
	switch (str(condition, 'Operator').trim().toLowerCase()) {
		case 'neq':
			return actual !== wanted;
		case 'lik':
			return actual.includes(wanted);
		case 'lik_s':
			return actual.startsWith(wanted);
		default:
			return actual === wanted;
	}
}

/** A row attribute by name, any casing ('UserID' finds 'UserId'). */
function valueOf(row: Obj, name: string): unknown {
	const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
	return key === undefined ? undefined : row[key];
}

function project(row: Obj, include: string[]): Obj {
	if (include.length === 0 || include.includes('*')) return row;
	const out: Obj = {};
	for (const [key, value] of Object.entries(row)) out[key] = include.includes(key.toLowerCase()) ? value : null;
	return out;
}
