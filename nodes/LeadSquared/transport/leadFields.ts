/**
 * The account's lead fields from `LeadsMetaData.Get`: fetched at most once per execution (every item is
 * checked against them), and fresh for each design-time look-up.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { FieldIndex, parseLeadFields } from '../values/fields';
import type { LeadField } from '../values/fields';
import { LeadSquaredError } from '../machinery/errors';
import type { LeadSquaredClient } from './index';

export const METADATA_PATH = 'LeadManagement.svc/LeadsMetaData.Get';

export async function fetchLeadFields(client: LeadSquaredClient): Promise<LeadField[]> {
	const answer = await client.request({ method: 'GET', path: METADATA_PATH });
	const fields = parseLeadFields(answer);
	if (!fields) {
		throw new LeadSquaredError({
			kind: 'unexpected',
			httpCode: 200,
			message: 'LeadSquared answered the lead field list (LeadsMetaData.Get) with something that is not a list of fields',
		});
	}
	return fields;
}

/** Per-execution cache, bounded: keys are `<execution id>|<account tag>`. */
const perExecution = new Map<string, Promise<FieldIndex>>();
const MAX_CACHED_EXECUTIONS = 32;

export async function leadFieldsForExecution(context: IExecuteFunctions, client: LeadSquaredClient): Promise<FieldIndex> {
	const key = `${context.getExecutionId()}|${client.account}`;
	let fields = perExecution.get(key);
	if (!fields) {
		if (perExecution.size >= MAX_CACHED_EXECUTIONS) {
			const oldest = perExecution.keys().next().value;
			if (oldest !== undefined) perExecution.delete(oldest);
		}
		fields = fetchLeadFields(client).then((list) => new FieldIndex(list));
		perExecution.set(key, fields);
		// A failed fetch is not kept: a later run of the node in this execution tries again.
		fields.catch(() => perExecution.delete(key));
	}
	return await fields;
}
