/**
 * Bad input for the user operations and the two lead operations over the owner and stage lists: each case
 * fails naming the item and the field, and nothing is sent to the endpoint (with continue on fail, only the
 * good item is).
 */
import type { IDataObject } from 'n8n-workflow';

import { describeBadInput, useCatalogueSandbox } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

const LEAD = '5d1c7f0e-0000-4000-8000-0000000b0b0b';
const ASHA = '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4';
const KARAN = '190e7b6f-39da-11e6-b61b-22000aa8e760';
const sandbox = useCatalogueSandbox({ leads: [{ ProspectID: LEAD, EmailAddress: 'user-bad@example.com', LastName: 'Bad' }] });

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

const get: IDataObject = { resource: 'user', operation: 'get', user: rl('id', '={{ $json.user }}') };
const GET: BadInputCase[] = [
	{ name: 'an empty user', parameters: get, good: { user: ASHA }, bad: { user: '' }, message: /^User is empty/, field: 'user' },
	{ name: 'an id that is not a GUID', parameters: get, good: { user: ASHA }, bad: { user: '42' }, message: /^User: "42" is not a LeadSquared user ID/, field: 'user' },
	{ name: 'a list instead of an id', parameters: get, good: { user: ASHA }, bad: { user: [ASHA] }, message: /^User is not a user id or an e-mail address/, field: 'user' },
];

const search: IDataObject = {
	resource: 'user',
	operation: 'getMany',
	source: 'search',
	conditions: { condition: [{ field: '={{ $json.field }}', operator: '={{ $json.operator }}', value: '={{ $json.value }}' }] },
	returnAll: true,
};
const goodSearch = { field: 'FirstName', operator: 'lik', value: 'as' };
const GET_MANY: BadInputCase[] = [
	{ name: 'an empty value', parameters: search, good: goodSearch, bad: { ...goodSearch, value: ' ' }, message: /^Condition 1 \(FirstName\) has no value/, field: 'value' },
	{ name: 'an operator that is not a word', parameters: search, good: goodSearch, bad: { ...goodSearch, operator: '=' }, message: /^Condition 1: the operator "=" is not one LeadSquared names/, field: 'operator' },
	{ name: 'a field with a space', parameters: search, good: goodSearch, bad: { ...goodSearch, field: 'First Name' }, message: /^Condition 1: "First Name" is not a user attribute name/, field: 'field' },
];

const changeOwner: IDataObject = { resource: 'lead', operation: 'changeOwner', leadId: '={{ $json.lead }}', owner: rl('id', '={{ $json.owner }}') };
const goodOwner = { lead: LEAD, owner: ASHA };
const CHANGE_OWNER: BadInputCase[] = [
	{ name: 'a lead id that is not a GUID', parameters: changeOwner, good: goodOwner, bad: { ...goodOwner, lead: 'owned@example.com' }, message: /^Lead ID "owned@example\.com" is not a LeadSquared lead ID/, field: 'leadId' },
	{ name: 'an empty owner', parameters: changeOwner, good: goodOwner, bad: { ...goodOwner, owner: null }, message: /^Owner is empty/, field: 'owner' },
	{ name: 'a deactivated owner', parameters: changeOwner, good: goodOwner, bad: { ...goodOwner, owner: KARAN }, message: /^Owner: Karan Mehta .* is a deactivated LeadSquared user/, field: 'owner' },
	{ name: 'an owner no user is', parameters: changeOwner, good: goodOwner, bad: { ...goodOwner, owner: 'ghost@example.com' }, message: /^Owner: no LeadSquared user has the e-mail address "ghost@example\.com"/, field: 'owner' },
];

const changeStage: IDataObject = { resource: 'lead', operation: 'changeStage', leadId: '={{ $json.lead }}', stage: rl('name', '={{ $json.stage }}') };
const goodStage = { lead: LEAD, stage: 'Customer' };
const CHANGE_STAGE: BadInputCase[] = [
	{ name: 'an empty stage', parameters: changeStage, good: goodStage, bad: { ...goodStage, stage: '' }, message: /^Stage is empty/, field: 'stage' },
	{ name: 'a stage the account does not have', parameters: changeStage, good: goodStage, bad: { ...goodStage, stage: 'Won' }, message: /^Stage "Won" is not one of your account's lead stages/, field: 'stage' },
	{ name: 'an empty lead id', parameters: changeStage, good: goodStage, bad: { ...goodStage, lead: '' }, message: /^Lead ID is empty/, field: 'leadId' },
];

describeBadInput('User → Get', GET, sandbox, 'User/Retrieve/ByUserId');
describeBadInput('User → Get Many', GET_MANY, sandbox, 'User/AdvancedSearch');
describeBadInput('Lead → Change Owner', CHANGE_OWNER, sandbox, 'Lead.Update');
describeBadInput('Lead → Change Stage', CHANGE_STAGE, sandbox, 'Lead.Update');
