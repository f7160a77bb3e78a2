/**
 * Bad input for the opportunity operations: each case fails naming the item and the field, and nothing
 * is sent to Capture, Update or GetOpportunitiesOfLead.
 */
import type { IDataObject } from 'n8n-workflow';

import { locator, mapper } from '../engine/support';
import { C, captureBody, post } from '../sandbox/crm-client';
import { describeBadInput, useCatalogueSandbox } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

let opportunityId = '';
const sandbox = useCatalogueSandbox({}, async (opened) => {
	const captured = await post(opened, C.oppCapture, captureBody('opp-bad@example.com', 12000, { mx_Custom_1: 'Existing', mx_Custom_2: 'Law' }));
	opportunityId = captured.json.CreatedOpportunityId as string;
});

function create(extra: IDataObject = {}): IDataObject {
	return {
		resource: 'opportunity',
		operation: 'create',
		attributes: mapper({ EmailAddress: '={{ $json.email }}', LastName: 'Buyer', mx_Student_Id: '={{ $json.student }}' }),
		opportunityType: locator('={{ $json.type }}', 'code'),
		opportunityFields: mapper({ mx_Custom_1: '={{ $json.name }}', mx_Custom_2: '={{ $json.course }}', mx_Custom_3: '={{ $json.fee }}' }),
		opportunityManualFields: { field: [{ name: '={{ $json.field }}', value: '={{ $json.value }}' }] },
		note: '={{ $json.note }}',
		opportunityDate: '={{ $json.date }}',
		...extra,
	};
}

const good = (): IDataObject => ({
	email: 'buyer@example.com',
	student: 'S-1',
	type: '12000',
	name: 'Admission',
	course: 'Law',
	fee: 1000,
	field: 'Status',
	value: 'Open',
	note: 'From the web form',
	date: '2026-05-01 10:00',
});
const bad = (values: IDataObject): IDataObject => ({ ...good(), email: 'bad@example.com', student: 'S-2', ...values });

const CREATE: BadInputCase[] = [
	{ name: 'an empty opportunity type', parameters: create(), good: good(), bad: bad({ type: '' }), message: /^Opportunity Type is empty/, field: 'opportunityType' },
	{ name: 'an opportunity type that is not a code', parameters: create(), good: good(), bad: bad({ type: 'Admission' }), message: /^Opportunity Type is "Admission", which is not an opportunity type code/, field: 'opportunityType' },
	{ name: 'a field the type does not have', parameters: create(), good: good(), bad: bad({ field: 'mx_Custom_99' }), message: /^Opportunity field "mx_Custom_99" is not a field of the opportunity type Admission \(12000\)/, field: 'mx_Custom_99' },
	{ name: 'a dropdown value outside its options', parameters: create(), good: good(), bad: bad({ course: 'Astrology' }), message: /^Opportunity field "mx_Custom_2" is "Astrology", which is not one of its options/, field: 'mx_Custom_2' },
	{ name: 'a number field with text', parameters: create(), good: good(), bad: bad({ fee: 'lots' }), message: /^Opportunity field "mx_Custom_3" is "lots", which is not a number/, field: 'mx_Custom_3' },
	{ name: 'a field given in the mapper and by hand', parameters: create(), good: good(), bad: bad({ field: 'mx_Custom_1' }), message: /^Opportunity field "mx_Custom_1" is given twice/, field: 'mx_Custom_1' },
	{ name: 'an empty field with Empty Values = fail', parameters: create(), good: good(), bad: bad({ fee: null }), message: /^Opportunity field "mx_Custom_3" has no value \(null\)/, field: 'mx_Custom_3' },
	{ name: 'an opportunity date that is not a date', parameters: create(), good: good(), bad: bad({ date: 'someday' }), message: /^Opportunity Date is "someday", which is not a date/, field: 'opportunityDate' },
	{ name: 'a note that is an object', parameters: create(), good: good(), bad: bad({ note: { text: 'x' } }), message: /^Note is an object, which is not a text/, field: 'note' },
	{ name: 'lead details without a field to match on', parameters: create(), good: good(), bad: bad({ email: '', student: '' }), message: /^No value for any field LeadSquared can match a lead on/ },
	{
		name: 'Match By a field the lead details leave empty',
		parameters: create({ matchBy: 'field', searchBy: locator('mx_Student_Id', 'name') }),
		good: good(),
		bad: bad({ student: '' }),
		message: /^No value for "mx_Student_Id", the field chosen in Match By/,
		field: 'mx_Student_Id',
	},
	{ name: 'an invalid e-mail address in the lead details', parameters: create(), good: good(), bad: bad({ email: 'not-an-email' }), message: /^Field "EmailAddress" is "not-an-email", which is not an e-mail address/, field: 'EmailAddress' },
];

function update(extra: IDataObject = {}): IDataObject {
	return {
		resource: 'opportunity',
		operation: 'update',
		opportunityId: '={{ $json.id }}',
		opportunityType: locator('12000'),
		opportunityManualFields: { field: [{ name: '={{ $json.field }}', value: '={{ $json.value }}' }] },
		note: '={{ $json.note }}',
		...extra,
	};
}

const goodUpdate = () => ({ id: opportunityId, field: 'mx_Custom_3', value: 2000, note: '' });

const UPDATE: BadInputCase[] = [
	{ name: 'an empty opportunity id', parameters: update(), good: goodUpdate, bad: () => ({ ...goodUpdate(), id: '' }), message: /^Opportunity ID is empty/, field: 'opportunityId' },
	{
		name: 'nothing to update',
		parameters: { ...update(), opportunityManualFields: {} },
		good: () => ({ ...goodUpdate(), note: 'A note' }),
		bad: () => ({ ...goodUpdate(), note: '' }),
		message: /^Nothing to update: no opportunity fields and no note/,
	},
	{ name: 'a field the type does not have', parameters: update(), good: goodUpdate, bad: () => ({ ...goodUpdate(), field: 'mx_Nope' }), message: /^Opportunity field "mx_Nope" is not a field/, field: 'mx_Nope' },
	{ name: 'a date field with a date that is not one', parameters: update(), good: goodUpdate, bad: () => ({ ...goodUpdate(), field: 'mx_Custom_4', value: '2026-13-01' }), message: /^Opportunity field "mx_Custom_4" is "2026-13-01", which is not a date/, field: 'mx_Custom_4' },
];

// One type, so the good item makes one call (an empty type reads the lead type by type: one call per type).
const getMany = (extra: IDataObject = {}): IDataObject => ({
	resource: 'opportunity',
	operation: 'getMany',
	leadId: '={{ $json.lead }}',
	opportunityType: locator('12000'),
	limit: '={{ $json.limit }}',
	...extra,
});
const goodRead = { lead: 'some-lead', limit: 5 };

const GET_MANY: BadInputCase[] = [
	{ name: 'an empty lead id', parameters: getMany(), good: goodRead, bad: { ...goodRead, lead: '' }, message: /^Lead ID is empty/, field: 'leadId' },
	{ name: 'a limit below 1', parameters: getMany(), good: goodRead, bad: { ...goodRead, limit: -3 }, message: /^Limit is -3; it must be a whole number 1 or more/, field: 'limit' },
	{
		name: 'a type that is not a code',
		parameters: getMany({ opportunityType: locator('={{ $json.type }}', 'code') }),
		good: { ...goodRead, type: '12000' },
		bad: { ...goodRead, type: '12k' },
		message: /^Opportunity Type is "12k", which is not an opportunity type code/,
		field: 'opportunityType',
	},
];

describeBadInput('Opportunity → Create', CREATE, sandbox, 'Opportunity.Capture');
describeBadInput('Opportunity → Update', UPDATE, sandbox, 'Opportunity.Update');
describeBadInput('Opportunity → Get Many', GET_MANY, sandbox, 'GetOpportunitiesOfLead');
