/**
 * Bad input for the note operations: each case fails naming the item and the field, and nothing is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { describeBadInput, useCatalogueSandbox } from './pipeline-bad-input';
import type { BadInputCase } from './pipeline-bad-input';

const LEAD = '5d1c7f0e-0000-4000-8000-0000000a0a0a';
const sandbox = useCatalogueSandbox({ leads: [{ ProspectID: LEAD, EmailAddress: 'note-bad@example.com', LastName: 'Bad' }] });

const create: IDataObject = { resource: 'note', operation: 'create', leadId: '={{ $json.lead }}', note: '={{ $json.text }}', additionalFields: { attachmentUrl: '={{ $json.url }}' } };
const good = { lead: LEAD, text: 'Called, no answer', url: 'https://example.com/brochure.pdf' };

const CREATE: BadInputCase[] = [
	{ name: 'an empty lead id', parameters: create, good, bad: { ...good, lead: '' }, message: /^Lead ID is empty/, field: 'leadId' },
	{ name: 'an empty note', parameters: create, good, bad: { ...good, text: ' \n ' }, message: /^Note is empty/, field: 'note' },
	{ name: 'a note that is a list', parameters: create, good, bad: { ...good, text: ['a', 'b'] }, message: /^Note is a list, which is not a text/, field: 'note' },
	{ name: 'an attachment URL that is not a URL', parameters: create, good, bad: { ...good, url: 'brochure.pdf' }, message: /^Attachment URL is "brochure\.pdf", which is not an http\(s\) URL/, field: 'attachmentUrl' },
	{ name: 'an attachment URL of another scheme', parameters: create, good, bad: { ...good, url: 'file:///etc/passwd' }, message: /^Attachment URL is "file:\/\/\/etc\/passwd", which is not an http\(s\) URL/, field: 'attachmentUrl' },
];

const getMany: IDataObject = { resource: 'note', operation: 'getMany', leadId: '={{ $json.lead }}', limit: '={{ $json.limit }}' };
const goodRead = { lead: LEAD, limit: 5 };

const GET_MANY: BadInputCase[] = [
	{ name: 'an empty lead id', parameters: getMany, good: goodRead, bad: { ...goodRead, lead: null }, message: /^Lead ID is empty/, field: 'leadId' },
	{ name: 'a fractional limit', parameters: getMany, good: goodRead, bad: { ...goodRead, limit: 2.5 }, message: /^Limit is 2\.5; it must be a whole number 1 or more/, field: 'limit' },
];

describeBadInput('Note → Create', CREATE, sandbox, 'CreateNote');
describeBadInput('Note → Get Many', GET_MANY, sandbox, 'RetrieveNote');
