/**
 * What n8n tells a model about the node's tools: with "Tool Description: Set Automatically" n8n builds the
 * description from the operation's `action` (`getToolDescriptionForNode`: action + " in LeadSquared"), so each
 * action says which identifier the tool expects, the date format, and what comes back. n8n's lint allows only
 * plain words in an action (sentence case, no punctuation), hence the wording.
 */
import type { INodePropertyOptions } from 'n8n-workflow';

import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { simplifyOption } from '../../nodes/LeadSquared/actions/engine';
import { toolDescription } from './tool-support';

const nodeType = new LeadSquared();
const { properties } = nodeType.description;

function operations(): Array<[string, INodePropertyOptions]> {
	return properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) => (property.options as INodePropertyOptions[]).map((option) => [String(property.displayOptions?.show?.resource?.[0]), option] as [string, INodePropertyOptions]));
}

describe('the tool descriptions n8n builds', () => {
	it.each([
		['lead', 'get', 'Get a lead by lead ID or email or phone number and return its fields by schema name in LeadSquared'],
		['lead', 'createOrUpdate', 'Create or update a lead matched by email with fields by schema name and dates in ISO 8601 and return its lead ID in LeadSquared'],
		['activity', 'create', 'Create an activity on a lead by lead ID or email and activity type code with fields by schema name and dates in ISO 8601 in LeadSquared'],
		['task', 'create', 'Create a task of a task type for an owner by user ID or email about a lead or opportunity by ID with dates in ISO 8601 in LeadSquared'],
		['note', 'getMany', 'Get many notes of a lead by lead ID in LeadSquared'],
		['user', 'get', 'Get a user by user ID or email in LeadSquared'],
	])('%s → %s', (resource, operation, expected) => {
		expect(toolDescription(resource, operation)).toBe(expected);
	});

	it('every operation says by which identifier it finds its record, or what it returns', () => {
		const vague = operations().filter(([, option]) => !/\b(by|with|return)\b/.test(option.action ?? ''));
		expect(vague.map(([resource, option]) => `${resource} → ${option.value}: ${option.action}`)).toEqual([]);
	});

	it('every read but the discovery ones offers Options → Simplify', () => {
		const withSimplify = properties
			.filter((property) => property.name === 'options' && (property.options ?? []).some((option) => 'name' in option && option.name === simplifyOption.name))
			.flatMap((property) => (property.displayOptions?.show?.operation ?? []).map((operation) => `${String(property.displayOptions?.show?.resource?.[0])}.${String(operation)}`));
		expect(withSimplify.sort()).toEqual(
			[
				'account.getMany',
				'accountActivity.getMany',
				'activity.getMany',
				'lead.get',
				'lead.getMany',
				'list.getLeads',
				'list.getMany',
				'note.getMany',
				'opportunity.get',
				'opportunity.getMany',
				'salesActivity.get',
				'salesActivity.getMany',
				'task.getMany',
				'user.get',
				'user.getMany',
			].sort(),
		);
	});
});
