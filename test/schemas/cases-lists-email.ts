/**
 * Representative runs of the List and Email operations: lists of every type and a list answer with a key
 * the sandbox never gives; a created and a returned existing list; the leads of a list with every field and
 * with few; an e-mail in both answer forms, by lead ID, scheduled, and sent again as the API user.
 */
import type { IDataObject } from 'n8n-workflow';

import { ASHA, INACTIVE_USER_EMAIL, locator, newLead, parameters } from '../engine/pipeline-support';
import type { OutputCase } from './case';

const LIST = '7e000000-0000-4000-8000-000000000001';
const DYNAMIC = '7e000000-0000-4000-8000-000000000002';
const FULL = '5f000000-0000-4000-8000-000000000001';
const FEW = '5f000000-0000-4000-8000-000000000002';
const html = { recipientBy: 'email', sendAs: 'user', sender: locator(ASHA.id), content: 'html', subject: 'Welcome', html: '<p>Welcome</p>' };

export const LIST_EMAIL_CASES: OutputCase[] = [
	{
		resource: 'list',
		operation: 'getMany',
		records: [''],
		sandbox: {
			lists: [
				{ id: LIST, name: 'Webinar', type: 'static', description: 'Webinar sign-ups' },
				{ id: DYNAMIC, name: 'Hot', type: 'dynamic', criteria: { LookupName: 'Score', LookupValue: '50', SqlOperator: '>' } },
				{ name: 'Weekly', type: 'refreshable' },
			],
		},
		async runs({ run, sandbox }) {
			await run(parameters('list', 'getMany', { returnAll: true }));
			// A row with more than the documented keys, and MemberCount as text.
			sandbox.injectFault({ type: 'json', endpoint: 'Lists.Get', body: [{ ListId: LIST, ListName: 'Webinar', ListDescription: '', ListType: 'static', MemberCount: '3', CreatedOn: '2026-01-01 10:00:00' }] });
			await run(parameters('list', 'getMany', { limit: 1 }));
		},
	},
	{
		resource: 'list',
		operation: 'create',
		sandbox: { lists: [{ id: LIST, name: 'Webinar', type: 'static' }] },
		async runs({ run }) {
			await run(parameters('list', 'create', { name: 'Open Day', listDescription: 'Visitors' }));
			await run(parameters('list', 'create', { name: 'Webinar' }, { ifNameTaken: 'useExisting' }));
		},
	},
	{
		resource: 'list',
		operation: 'getLeads',
		records: [''],
		sandbox: {
			leads: [
				{ ProspectID: FULL, EmailAddress: 'member@schemas.example', FirstName: 'Asha', LastName: 'Member', Phone: '+91-9845012345', mx_City: 'Pune' },
				{ ProspectID: FEW, EmailAddress: 'few@schemas.example', LastName: 'Few' },
			],
			lists: [{ id: LIST, name: 'Members', type: 'static', leadIds: [FULL, FEW] }],
		},
		async runs({ run }) {
			const list = { __rl: true, mode: 'id', value: LIST };
			await run(parameters('list', 'getLeads', { list, returnAll: true }));
			await run(parameters('list', 'getLeads', { list, returnAll: true }, { fieldsToReturn: ['EmailAddress'] }));
		},
	},
	{
		resource: 'email',
		operation: 'sendToLead',
		opaque: ['answer'],
		async runs({ run, sandbox }) {
			const leadId = await newLead(sandbox, 'mail@schemas.example');
			const items: IDataObject[] = [{}];
			await run(parameters('email', 'sendToLead', { ...html, email: 'mail@schemas.example' }), items);
			sandbox.configure({ emailSendAnswer: 'statusId' });
			await run(parameters('email', 'sendToLead', { ...html, recipientBy: 'leadId', leadId, additionalFields: { schedule: '2026-12-01T10:00:00Z' } }), items);
			await run(parameters('email', 'sendToLead', { ...html, email: 'mail@schemas.example', sender: locator(INACTIVE_USER_EMAIL, 'email') }, { senderFallback: true }), items);
			await run(parameters('email', 'sendToLead', { ...html, email: 'mail@schemas.example', sendAs: 'apiUser' }), items);
			// An answer without any id (the answer is not documented): the e-mail has no emailId.
			sandbox.injectFault({ type: 'json', endpoint: 'SendEmailToLead', body: { Status: 'Success', Message: 'Email queued for sending' } });
			await run(parameters('email', 'sendToLead', { ...html, email: 'mail@schemas.example' }), items);
		},
	},
];
