/**
 * Lead endpoints: metadata, writes (single and bulk) and reads by id, e-mail, phone, quick search and ids.
 */
import { jsonAnswer, queryParam, type Answer } from '../http';
import { emitLeadWrite } from '../lead-events';
import { renderLead } from '../leads';
import type { LeadRecord } from '../types';
import { createOrUpdate, type UpsertOutcome, type WriteMode } from '../upsert';
import { userByAccessKey } from '../user';
import { badRequest, mxError, postUpdatedLeadFlag, requiredParam, requireJsonBody, type Route, type RouteContext } from './common';

const LM = '/v2/LeadManagement.svc/';

export const LEAD_ROUTES: Route[] = [
	{
		name: 'UserByAccessKey.Get',
		method: 'GET',
		path: '/v2/Authentication.svc/UserByAccessKey.Get',
		bucket: 'normal',
		anyRegion: true,
		// Source: [DOC] https://apidocs.leadsquared.com/user-authentication/ : the user and org object, answered on
		// any region (user.ts); inside `d` with answerForms.userByAccessKey 'd' ([CODE] id 56732457733 reads both).
		handle: (ctx) => {
			const user = userByAccessKey(ctx.state.options.accountHost);
			return jsonAnswer(200, ctx.state.options.answerForms.userByAccessKey === 'd' ? { d: user } : user);
		},
	},
	{ name: 'LeadsMetaData.Get', method: 'GET', path: `${LM}LeadsMetaData.Get`, bucket: 'normal', handle: metadata },
	{ name: 'Lead.CreateOrUpdate', method: 'POST', path: `${LM}Lead.CreateOrUpdate`, bucket: 'normal', write: true, handle: leadWrite('upsert') },
	{ name: 'Lead.Create', method: 'POST', path: `${LM}Lead.Create`, bucket: 'normal', write: true, handle: leadWrite('create') },
	{ name: 'Lead.Update', method: 'POST', path: `${LM}Lead.Update`, bucket: 'normal', write: true, handle: leadWrite('update') },
	{ name: 'Lead/Bulk/CreateOrUpdate', method: 'POST', path: `${LM}Lead/Bulk/CreateOrUpdate`, bucket: 'bulk', write: true, handle: bulkCreateOrUpdate },
	{ name: 'Leads.GetById', method: 'GET', path: `${LM}Leads.GetById`, bucket: 'normal', handle: getById },
	{ name: 'Leads.GetByEmailaddress', method: 'GET', path: `${LM}Leads.GetByEmailaddress`, bucket: 'normal', handle: getByEmail },
	{ name: 'RetrieveLeadByPhoneNumber', method: 'GET', path: `${LM}RetrieveLeadByPhoneNumber`, bucket: 'normal', handle: getByPhone },
	{ name: 'Leads.GetByQuickSearch', method: 'GET', path: `${LM}Leads.GetByQuickSearch`, bucket: 'normal', handle: quickSearch },
	{ name: 'Leads/Retrieve/ByIds', method: 'POST', path: `${LM}Leads/Retrieve/ByIds`, bucket: 'normal', handle: retrieveByIds },
];

// ---------- metadata ----------

/**
 * Source: [DOC] https://apidocs.leadsquared.com/meta-data/ (an array of field objects; `excludeOptionSets=1`
 * drops the options) and https://apidocs.leadsquared.com/get-lead-field-properties (`schemaName=` → a
 * one-element array). The objects: fields.ts.
 */
function metadata(ctx: RouteContext): Answer {
	const exclude = (queryParam(ctx.query, 'excludeOptionSets') ?? '').trim().toLowerCase();
	const schemaName = queryParam(ctx.query, 'schemaName');
	return jsonAnswer(
		200,
		ctx.state.fields.render({
			excludeOptionSets: exclude === '1' || exclude === 'true',
			schemaName: schemaName === undefined || schemaName === '' ? undefined : schemaName,
		}),
	);
}

// ---------- writes ----------

function runWrite(ctx: RouteContext, payload: unknown, mode: WriteMode): UpsertOutcome {
	const { store, fields, options } = ctx.state;
	const outcome = createOrUpdate(payload, store, fields, options, ctx.now, mode);
	if (outcome.ok) {
		emitLeadWrite(ctx.state.events, store, outcome.id, outcome.created, outcome.before, ctx.now);
		if (outcome.created) ctx.state.automation.push({ leadId: outcome.id, endpoint: ctx.endpoint, at: ctx.now, trigger: 'create' });
		else if (postUpdatedLeadFlag(ctx.query)) ctx.state.automation.push({ leadId: outcome.id, endpoint: ctx.endpoint, at: ctx.now, trigger: 'update' });
	}
	return outcome;
}

/**
 * Lead.CreateOrUpdate, Lead.Create and Lead.Update; the rules are in upsert.ts.
 * Source: [DOC] https://apidocs.leadsquared.com/create-or-update/ → `{"Status":"Success","Message":{"Id",
 * "AffectedRows":1}}`; [DOC] https://apidocs.leadsquared.com/create-a-lead/ → `{"Status":"Success","Message":
 * {"Id"}}` (the answer [CODE] `dpaluy/leadsquared` spec); [DOC] https://apidocs.leadsquared.com/update-a-lead/
 * → `{"Status":"Success","Message":{"AffectedRows":1}}`. Refusals: the MX envelope with HTTP 500 [DOC]
 * https://apidocs.leadsquared.com/error-handling/ (or 200: `mxErrorStatus`).
 */
function leadWrite(kind: WriteMode['kind']): (ctx: RouteContext) => Answer {
	return (ctx) => {
		const problem = requireJsonBody(ctx);
		if (problem) return problem;
		let mode: WriteMode = { kind: 'upsert' };
		if (kind === 'create') mode = { kind: 'create' };
		if (kind === 'update') {
			const leadId = queryParam(ctx.query, 'leadId') ?? '';
			if (leadId.trim() === '') return mxError(ctx, 'MXMandatoryAttributeMissingException', "'leadId' is mandatory for updating lead"); // [DOC] error-handling page
			mode = { kind: 'update', leadId: leadId.trim() };
		}
		const outcome = runWrite(ctx, ctx.body, mode);
		if (!outcome.ok) return outcome.badRequest ? badRequest(outcome.message) : mxError(ctx, outcome.exceptionType, outcome.message);
		if (kind === 'create') return jsonAnswer(200, { Status: 'Success', Message: { Id: outcome.id } });
		if (kind === 'update') return jsonAnswer(200, { Status: 'Success', Message: { AffectedRows: 1 } });
		return jsonAnswer(200, { Status: 'Success', Message: { Id: outcome.id, AffectedRows: 1 } });
	};
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/bulk-create-or-update/ (up to 25 rows, each its own pairs and
 * SearchBy) → `[{RowNumber, LeadId, LeadCreated, LeadUpdated, AffectedRows}]` ([CODE] `Satyam-2001/Leadsquared`
 * types); a failed row carries ExceptionType/ErrorMessage inline, RowNumber 1-based ([OBS] contract §2.7).
 */
function bulkCreateOrUpdate(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	if (!Array.isArray(ctx.body)) return badRequest('Request body must be a JSON array of rows'); // [INF] message
	const max = ctx.state.options.bulkMaxRows;
	if (ctx.body.length > max) {
		return mxError(ctx, 'MXInvalidInputException', `Number of leads in the request exceeds the maximum limit of ${max}`); // [INF]
	}
	const rows = ctx.body.map((row: unknown, index: number) => {
		const outcome = runWrite(ctx, row, { kind: 'upsert' });
		if (outcome.ok) {
			return { RowNumber: index + 1, LeadId: outcome.id, LeadCreated: outcome.created, LeadUpdated: !outcome.created, AffectedRows: 1 };
		}
		return {
			RowNumber: index + 1,
			LeadId: null,
			LeadCreated: false,
			LeadUpdated: false,
			AffectedRows: 0,
			ExceptionType: outcome.exceptionType,
			ErrorMessage: outcome.message,
		};
	});
	return jsonAnswer(200, rows);
}

// ---------- reads ----------

/** Flat leads as the reads answer them [DOC get-a-lead-by-email-id sample]: see leads.ts renderLead. */
function render(ctx: RouteContext, leads: LeadRecord[], columns?: string[]): Array<Record<string, string | null>> {
	return leads.map((l) => renderLead(l, ctx.state.fields, columns));
}


/** Source: [CODE] `dpaluy/leadsquared` spec → `[lead]`; `[]` for an unknown id ([OBS] contract §2.3). Rows: leads.ts renderLead. */
function getById(ctx: RouteContext): Answer {
	const id = requiredParam(ctx, 'id');
	if (typeof id !== 'string') return id;
	const lead = ctx.state.store.byId(id);
	return jsonAnswer(200, render(ctx, lead ? [lead] : []));
}

/** Source: [DOC] https://apidocs.leadsquared.com/get-a-lead-by-email-id/ → an array of flat leads, `[]` when none. */
function getByEmail(ctx: RouteContext): Answer {
	const email = requiredParam(ctx, 'emailaddress');
	if (typeof email !== 'string') return email;
	const field = ctx.state.fields.get('EmailAddress');
	return jsonAnswer(200, render(ctx, field ? ctx.state.store.findBy(field, email) : []));
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-lead-by-phone/ → an array; Phone and Mobile only; of several
 * matches the one with the most recent activity (here: the most recently modified [INF: no activity clock]).
 */
function getByPhone(ctx: RouteContext): Answer {
	const phone = requiredParam(ctx, 'phone');
	if (typeof phone !== 'string') return phone;
	const { store } = ctx.state;
	const lead = store.mostRecent(store.findByPhone(phone));
	return jsonAnswer(200, render(ctx, lead ? [lead] : []));
}

/**
 * Source: [CODE] `chatwoot/chatwoot` lead_client.rb and spec → an array, `[]` when none. What it matches is
 * [INF]: no source says; here a part of the names, company or e-mail, or of the phones' digits.
 */
function quickSearch(ctx: RouteContext): Answer {
	const key = requiredParam(ctx, 'key');
	if (typeof key !== 'string') return key;
	const lower = key.toLowerCase();
	const digits = key.replace(/\D/g, '');
	const hit = (lead: LeadRecord): boolean => {
		for (const name of ['FirstName', 'LastName', 'EmailAddress', 'Company']) {
			const v = lead[name];
			if (typeof v === 'string' && v.toLowerCase().includes(lower)) return true;
		}
		if (digits.length >= 4) {
			for (const name of ['Phone', 'Mobile']) {
				const v = lead[name];
				if (typeof v === 'string' && v.replace(/\D/g, '').includes(digits)) return true;
			}
		}
		return false;
	};
	return jsonAnswer(200, render(ctx, ctx.state.store.records().filter(hit)));
}

/**
 * Source: [DOC] https://apidocs.leadsquared.com/get-leads-in-bulk-by-ids/ : `{SearchParameters:{LeadIds},
 * Columns:{Include_CSV}, Paging}` → `{RecordCount, Leads:[flat leads]}`.
 */
function retrieveByIds(ctx: RouteContext): Answer {
	const problem = requireJsonBody(ctx);
	if (problem) return problem;
	const body = (typeof ctx.body === 'object' && ctx.body !== null ? ctx.body : {}) as Record<string, unknown>;
	const search = (body.SearchParameters ?? {}) as Record<string, unknown>;
	const ids = search.LeadIds;
	if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) {
		return mxError(ctx, 'MXInvalidInputException', 'Invalid Input! Parameter Name: LeadIds'); // [INF] after the observed "Invalid Input! Parameter Name: activity"
	}
	const paging = (body.Paging ?? {}) as Record<string, unknown>;
	const pageIndex = Math.max(1, Number(paging.PageIndex ?? 1) || 1);
	const pageSize = Number(paging.PageSize ?? 5000) || 5000;
	if (pageSize > 5000) return mxError(ctx, 'MXInvalidInputException', 'PageSize can not be more than 5000'); // [OBS] lead pages cap at 5000 (contract §1.6)
	const columnsCsv = ((body.Columns ?? {}) as Record<string, unknown>).Include_CSV;
	const columns =
		typeof columnsCsv === 'string' && columnsCsv.trim() !== ''
			? columnsCsv
					.split(',')
					.map((c) => c.trim())
					.filter((c) => c !== '')
			: undefined;
	const found = (ids as string[]).map((id) => ctx.state.store.byId(id)).filter((l): l is LeadRecord => l !== undefined);
	const page = found.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
	return jsonAnswer(200, { RecordCount: found.length, Leads: render(ctx, page, columns) });
}
