/**
 * Bad input for the account and account activity operations: each case fails naming the item and the field,
 * and nothing reaches the endpoint (every item is checked before the first call).
 */
import type { IDataObject } from 'n8n-workflow';

import { defaultCompanies } from '../../sandbox';
import { describeBadInput, useCatalogueSandbox } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

const ACME = 'b35334e6-24a2-466c-a3ae-200bcafa680e';
/** Accounts the Delete cases may delete (one each: its continue-on-fail run sends the good item). */
const DISPOSABLE = ['0d15ab1e-0000-4000-8000-000000000001', '0d15ab1e-0000-4000-8000-000000000002'];
const sandbox = useCatalogueSandbox({
	companies: [...defaultCompanies(), ...DISPOSABLE.map((CompanyId, index) => ({ type: 'Vendors', values: { CompanyId, CompanyName: `Disposable ${index}` } }))],
});

const field = (name: string, value: string) => ({ field: [{ name, value }] });

const create: IDataObject = {
	resource: 'account',
	operation: 'create',
	accountType: '={{ $json.type }}',
	accountName: '={{ $json.name }}',
	owner: { __rl: true, mode: 'email', value: '={{ $json.owner }}' },
	accountFields: { field: [{ name: '={{ $json.field }}', value: '={{ $json.value }}' }, { name: 'Website', value: '={{ $json.website }}' }] },
};
const good = { type: 'Partners', name: 'Globex', owner: '', field: 'City', value: 'Pune', website: 'www.globex.example' };

const CREATE: BadInputCase[] = [
	{ name: 'an empty account type', parameters: create, good, bad: { ...good, type: ' ' }, message: /^Account Type is empty/, field: 'accountType' },
	{ name: 'an empty account name', parameters: create, good, bad: { ...good, name: null }, message: /^Account Name is empty/, field: 'accountName' },
	{ name: 'an account name that is a list', parameters: create, good, bad: { ...good, name: ['a', 'b'] }, message: /^Account Name is a list, which is not a text/, field: 'accountName' },
	{ name: 'a field without a name', parameters: create, good, bad: { ...good, field: '' }, message: /^Account field 1's name is empty/, field: 'accountFields' },
	{ name: 'a field given twice', parameters: create, good, bad: { ...good, field: 'website' }, message: /^Account field "Website" is given twice/, field: 'Website' },
	{ name: 'CompanyName in the field list', parameters: create, good, bad: { ...good, field: 'CompanyName' }, message: /^Account field "CompanyName" cannot be given in the field list/, field: 'CompanyName' },
	{ name: 'OwnerId in the field list', parameters: create, good, bad: { ...good, field: 'OwnerId' }, message: /^Account field "OwnerId" cannot be given in the field list/, field: 'OwnerId' },
	{ name: 'CompanyId in the field list', parameters: create, good, bad: { ...good, field: 'CompanyId' }, message: /^Account field "CompanyId" cannot be given in the field list/, field: 'CompanyId' },
	{ name: 'a field value that is an object', parameters: create, good, bad: { ...good, value: { a: 1 } }, message: /^Account field "City" is an object; LeadSquared fields take a single/, field: 'City' },
	{ name: 'a null field value (Empty Values: fail)', parameters: create, good, bad: { ...good, value: null }, message: /^Account field "City" has no value \(null\)/, field: 'City' },
	{ name: 'an owner e-mail that is no user', parameters: create, good, bad: { ...good, owner: 'nobody@example.com' }, message: /^Owner: no LeadSquared user has the e-mail address "nobody@example\.com"/, field: 'owner' },
];

const update: IDataObject = { resource: 'account', operation: 'update', accountId: '={{ $json.id }}', accountName: '={{ $json.name }}', accountFields: field('City', '={{ $json.city }}') };
const goodUpdate = { id: ACME, name: '', city: 'Pune' };

const UPDATE: BadInputCase[] = [
	{ name: 'an empty account id', parameters: update, good: goodUpdate, bad: { ...goodUpdate, id: '' }, message: /^Account ID is empty/, field: 'accountId' },
	{ name: 'an account id that is an e-mail', parameters: update, good: goodUpdate, bad: { ...goodUpdate, id: 'acme@example.com' }, message: /^Account ID "acme@example\.com" is not a LeadSquared account ID/, field: 'accountId' },
	{ name: 'a null field value (Empty Values: fail)', parameters: update, good: goodUpdate, bad: { ...goodUpdate, city: null }, message: /^Account field "City" has no value/, field: 'City' },
];

const updateSkip: IDataObject = { ...update, options: { emptyValues: 'skip' } };
UPDATE.push({ name: 'nothing left to update (Empty Values: skip)', parameters: updateSkip, good: goodUpdate, bad: { ...goodUpdate, city: null }, message: /^Nothing to update: every account field given was empty and left out \(City\)/ });

const getMany: IDataObject = {
	resource: 'account',
	operation: 'getMany',
	accountType: '={{ $json.type }}',
	filters: { condition: { field: '={{ $json.field }}', operator: 'equals', value: '={{ $json.value }}' }, dateRange: { dateField: 'CreatedOn', from: '={{ $json.from }}', to: '={{ $json.to }}' } },
	limit: '={{ $json.limit }}',
};
const goodRead = { type: 'Partners', field: 'City', value: 'Bangalore', from: '2000-01-01', to: '2999-01-01', limit: 5 };

const GET_MANY: BadInputCase[] = [
	{ name: 'an empty account type', parameters: getMany, good: goodRead, bad: { ...goodRead, type: '' }, message: /^Account Type is empty/, field: 'accountType' },
	{ name: 'a condition without a field name', parameters: getMany, good: goodRead, bad: { ...goodRead, field: '' }, message: /^Filters → Field Condition → Field Name is empty/, field: 'filters' },
	{ name: 'a condition without a value', parameters: getMany, good: goodRead, bad: { ...goodRead, value: '' }, message: /^Filters → Field Condition \(City =\) has no value/, field: 'filters' },
	{ name: 'a date range without its To date', parameters: getMany, good: goodRead, bad: { ...goodRead, to: '' }, message: /^Filters → Date Range has no To date/, field: 'filters' },
	{ name: 'a date range that ends before it starts', parameters: getMany, good: goodRead, bad: { ...goodRead, from: '3000-01-01' }, message: /^Filters → Date Range: From \(3000-01-01 00:00:00 UTC\) is after To/, field: 'filters' },
	{ name: 'a From that is not a date', parameters: getMany, good: goodRead, bad: { ...goodRead, from: 'yesterday' }, message: /^Filters → Date Range → From is "yesterday", which is not a date/, field: 'filters' },
	{ name: 'a limit of 0', parameters: getMany, good: goodRead, bad: { ...goodRead, limit: 0 }, message: /^Limit is 0; it must be a whole number 1 or more/, field: 'limit' },
];

const remove: IDataObject = { resource: 'account', operation: 'delete', accountId: '={{ $json.id }}', withLeadDelete: '={{ $json.leads }}' };
const goodDelete = (id: string) => ({ id, leads: false });

const DELETE: BadInputCase[] = [
	{ name: 'an account id that is a number', parameters: remove, good: goodDelete(DISPOSABLE[0]), bad: { id: 1016, leads: false }, message: /^Account ID 1016 is not a LeadSquared account ID/, field: 'accountId' },
	{ name: 'Delete Its Leads that is not true or false', parameters: remove, good: goodDelete(DISPOSABLE[1]), bad: { id: ACME, leads: 'maybe' }, message: /^Delete Its Leads is "maybe", which is not true or false/, field: 'withLeadDelete' },
];

const activity: IDataObject = {
	resource: 'accountActivity',
	operation: 'create',
	accountId: '={{ $json.id }}',
	activityTypeCode: '={{ $json.code }}',
	activityDate: '={{ $json.date }}',
	accountActivityFields: field('={{ $json.field }}', 'Pricing'),
};
const goodActivity = { id: ACME, code: '10001', date: '', field: 'mx_Custom_1' };

const ACTIVITY: BadInputCase[] = [
	{ name: 'an empty account id', parameters: activity, good: goodActivity, bad: { ...goodActivity, id: null }, message: /^Account ID is empty/, field: 'accountId' },
	{ name: 'an empty type code', parameters: activity, good: goodActivity, bad: { ...goodActivity, code: '' }, message: /^Activity Type Code is empty/, field: 'activityTypeCode' },
	{ name: 'a type code that is a name', parameters: activity, good: goodActivity, bad: { ...goodActivity, code: 'Partner Meeting' }, message: /^Activity Type Code is "Partner Meeting", which is not an activity type code/, field: 'activityTypeCode' },
	{ name: 'an activity date that is not a date', parameters: activity, good: goodActivity, bad: { ...goodActivity, date: 'soon' }, message: /^Activity Date is "soon", which is not a date/, field: 'activityDate' },
	{ name: 'Owner in the field list', parameters: activity, good: goodActivity, bad: { ...goodActivity, field: 'Owner' }, message: /^Activity field "Owner" cannot be given in the field list/, field: 'Owner' },
];

const activities: IDataObject = { resource: 'accountActivity', operation: 'getMany', accountId: '={{ $json.id }}', limit: '={{ $json.limit }}' };
const goodActivities = { id: ACME, limit: 5 };

const ACTIVITIES: BadInputCase[] = [
	{ name: 'an account id that is not a GUID', parameters: activities, good: goodActivities, bad: { ...goodActivities, id: 'Acme' }, message: /^Account ID "Acme" is not a LeadSquared account ID/, field: 'accountId' },
	{ name: 'a fractional limit', parameters: activities, good: goodActivities, bad: { ...goodActivities, limit: 1.5 }, message: /^Limit is 1\.5; it must be a whole number 1 or more/, field: 'limit' },
];

describeBadInput('Account → Create', CREATE, sandbox, 'Company.Create');
describeBadInput('Account → Update', UPDATE, sandbox, 'Company.Update');
describeBadInput('Account → Get Many', GET_MANY, sandbox, 'Company.Get');
describeBadInput('Account → Delete', DELETE, sandbox, 'Company.Delete');
describeBadInput('Account Activity → Create', ACTIVITY, sandbox, 'CompanyActivity.Create');
describeBadInput('Account Activity → Get Many', ACTIVITIES, sandbox, 'CompanyActivity.Retrieve');
