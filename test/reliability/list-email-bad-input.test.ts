/**
 * Bad input for the list and e-mail operations: each case fails naming the item and the field, and
 * nothing is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeBadInput, useCatalogueSandbox } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

const LEAD = '5d1c7f0e-0000-4000-8000-0000000b0b0b';
const LIST = '7d000000-0000-4000-8000-000000000001';
const ASHA = '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4';
const sandbox = useCatalogueSandbox({
	leads: [{ ProspectID: LEAD, EmailAddress: 'email-bad@example.com', LastName: 'Bad' }],
	lists: [{ id: LIST, name: 'Catalogue', type: 'static', leadIds: [LEAD] }],
});

const getMany: IDataObject = { resource: 'list', operation: 'getMany', listType: '={{ $json.type }}', searchText: '={{ $json.text }}', limit: '={{ $json.limit }}' };
const goodMany = { type: 'static', text: 'Cat', limit: 1 };
const GET_MANY: BadInputCase[] = [
	{ name: 'a limit of 0', parameters: getMany, good: goodMany, bad: { ...goodMany, limit: 0 }, message: /^Limit is 0; it must be a whole number 1 or more/, field: 'limit' },
	{ name: 'a list type LeadSquared has not', parameters: getMany, good: goodMany, bad: { ...goodMany, type: 'private' }, message: /^List Type is "private"; it must be "all", "static", "dynamic" or "refreshable"/, field: 'listType' },
	{ name: 'a search text that is a list', parameters: getMany, good: goodMany, bad: { ...goodMany, text: ['a'] }, message: /^Search Text is a list, which is not a text/, field: 'searchText' },
];

let created = 0;
const create: IDataObject = { resource: 'list', operation: 'create', name: '={{ $json.name }}', listDescription: '={{ $json.description }}' };
const goodCreate = () => ({ name: `Bad input list ${++created}`, description: 'fine' });
const CREATE: BadInputCase[] = [
	{ name: 'an empty name', parameters: create, good: goodCreate, bad: { name: '  ', description: '' }, message: /^Name is empty/, field: 'name' },
	{ name: 'a name that is an object', parameters: create, good: goodCreate, bad: { name: { a: 1 } }, message: /^Name is an object, which is not a text/, field: 'name' },
	{ name: 'a description that is a list', parameters: create, good: goodCreate, bad: { name: 'Fine', description: ['x'] }, message: /^Description is a list, which is not a text/, field: 'listDescription' },
];

const getLeads: IDataObject = { resource: 'list', operation: 'getLeads', list: { __rl: true, mode: 'id', value: '={{ $json.list }}' }, limit: '={{ $json.limit }}' };
const goodLeads = { list: LIST, limit: 5 };
const GET_LEADS: BadInputCase[] = [
	{ name: 'a list name instead of its id', parameters: getLeads, good: goodLeads, bad: { ...goodLeads, list: 'Catalogue' }, message: /^List "Catalogue" is not a LeadSquared list ID/, field: 'list' },
	{ name: 'an empty list id', parameters: getLeads, good: goodLeads, bad: { ...goodLeads, list: '' }, message: /^List is empty/, field: 'list' },
	{ name: 'a fractional limit', parameters: getLeads, good: goodLeads, bad: { ...goodLeads, limit: 1.5 }, message: /^Limit is 1\.5; it must be a whole number 1 or more/, field: 'limit' },
];

const send: IDataObject = {
	resource: 'email',
	operation: 'sendToLead',
	recipientBy: 'email',
	email: '={{ $json.email }}',
	sendAs: 'user',
	sender: { __rl: true, mode: '={{ $json.senderMode }}', value: '={{ $json.sender }}' },
	content: 'html',
	subject: '={{ $json.subject }}',
	html: '={{ $json.html }}',
	additionalFields: { cc: '={{ $json.cc }}', schedule: '={{ $json.schedule }}', includeFooter: '={{ $json.footer }}' },
};
const goodSend = { email: 'email-bad@example.com', senderMode: 'list', sender: ASHA, subject: 'Hello', html: '<p>Hi</p>', cc: '', schedule: '', footer: true };
const byId: IDataObject = { ...send, recipientBy: 'leadId', leadId: '={{ $json.lead }}' };
const template: IDataObject = { ...send, content: 'template', template: '={{ $json.template }}' };
const SEND: BadInputCase[] = [
	{ name: 'a recipient that is not an e-mail address', parameters: send, good: goodSend, bad: { ...goodSend, email: 'john-at-example.com' }, message: /^Lead Email Address is "john-at-example\.com", which is not an e-mail address/, field: 'email' },
	{ name: 'an empty recipient', parameters: send, good: goodSend, bad: { ...goodSend, email: null }, message: /^Lead Email Address is empty/, field: 'email' },
	{ name: 'a lead ID that is an e-mail address', parameters: byId, good: { ...goodSend, lead: LEAD }, bad: { ...goodSend, lead: 'john@example.com' }, message: /^Lead ID "john@example\.com" is not a LeadSquared lead ID/, field: 'leadId' },
	{ name: 'no sender', parameters: send, good: goodSend, bad: { ...goodSend, sender: '' }, message: /^Sender is empty/, field: 'sender' },
	{ name: 'a sender by e-mail that is not one', parameters: send, good: goodSend, bad: { ...goodSend, senderMode: 'email', sender: 'asha.rao' }, message: /^Sender is "asha\.rao", which is not an e-mail address/, field: 'sender' },
	{ name: 'an empty subject', parameters: send, good: goodSend, bad: { ...goodSend, subject: ' ' }, message: /^Subject is empty/, field: 'subject' },
	{ name: 'an empty body', parameters: send, good: goodSend, bad: { ...goodSend, html: '' }, message: /^HTML Content is empty/, field: 'html' },
	{ name: 'a template without a name', parameters: template, good: { ...goodSend, template: 'Welcome' }, bad: { ...goodSend, template: '' }, message: /^Template Name is empty/, field: 'template' },
	{ name: 'a CC address that is not one', parameters: send, good: goodSend, bad: { ...goodSend, cc: 'boss@example.com, nobody' }, message: /^Additional Fields → CC is "nobody", which is not an e-mail address/, field: 'cc' },
	{ name: 'a schedule that is not a date', parameters: send, good: goodSend, bad: { ...goodSend, schedule: 'next Tuesday' }, message: /^Additional Fields → Schedule /, field: 'schedule' },
	{ name: 'a footer flag that is a word', parameters: send, good: goodSend, bad: { ...goodSend, footer: 'yes please' }, message: /^Additional Fields → Include Footer is "yes please", not true or false/, field: 'includeFooter' },
];

describeBadInput('List → Get Many', GET_MANY, sandbox, 'Lists.Get');
describeBadInput('List → Create', CREATE, sandbox, 'CreateEmptyList');
describeBadInput('List → Get Leads', GET_LEADS, sandbox, 'Leads/Retrieve/BySearchParameter');
describeBadInput('Email → Send to Lead', SEND, sandbox, 'SendEmailToLead');
