/**
 * Representative runs of the lead operations. Three seed leads cover the account's fields filled (FULL),
 * mostly empty (SPARSE) and a lead with a phone number only; every option that adds a key is used once; LeadSquared's answers that the sandbox never
 * gives on its own but the node handles (several leads for one phone number, a count-less list answer)
 * come from injected answers.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { FAST, leadParameters } from '../engine/support';
import { ADMIN_ID } from '../sandbox/crm-client';
import { call, P } from '../sandbox/client';
import type { OutputCase } from './case';

export const FULL_ID = '5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e01';
export const SPARSE_ID = '5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e02';
export const PHONE_ID = '5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e03';
const FULL_EMAIL = 'asha.rao@schemas.example';
const FULL_MOBILE = '+91-9000000001';
const FULL_PHONE = '+91-9845012345';
const PHONE_ONLY = '+91-9000000003';
const WEBINAR = '7a000000-0000-4000-8000-00000000aa01';
const CUSTOMERS = '7a000000-0000-4000-8000-00000000aa02';
const ALUMNI = '7a000000-0000-4000-8000-00000000aa03';

/** Every lead field of the sandbox's account filled; only an e-mail address and a last name; only a phone number. */
export const LEADS: Array<Record<string, string>> = [
	{
		ProspectID: FULL_ID,
		FirstName: 'Asha',
		LastName: 'Rao',
		EmailAddress: FULL_EMAIL,
		Phone: FULL_PHONE,
		Mobile: FULL_MOBILE,
		Company: 'Acme Consulting',
		JobTitle: 'Counsellor',
		Source: 'Website',
		ProspectStage: 'Prospect',
		Notes: 'Asked for a brochure',
		DoNotEmail: '1',
		DoNotCall: '0',
		Score: '42',
		OwnerId: ADMIN_ID,
		mx_City: 'Pune',
		mx_Date_of_Birth: '1990-05-17 00:00:00',
		mx_Annual_Income: '1200000',
		mx_Newsletter: '1',
		mx_Course_Interest: 'Engineering',
		mx_Student_Id: 'STU-1001',
		mx_Enrollment_Date: '2024-05-01 10:30:00',
		mx_Branch: 'Mumbai',
		mx_KYC: JSON.stringify({ Status: 'Verified', mx_CustomObject_1: 'passport.png', mx_CustomObject_2: '864563' }),
	},
	{ ProspectID: SPARSE_ID, LastName: 'Iyer', EmailAddress: 'ravi.iyer@schemas.example' },
	{ ProspectID: PHONE_ID, Phone: PHONE_ONLY },
];

const LISTS = [
	{ id: WEBINAR, name: 'Webinar May', type: 'static' as const },
	{ id: CUSTOMERS, name: 'Customers', type: 'static' as const, leadIds: [FULL_ID] },
	{ id: ALUMNI, name: 'Alumni', type: 'static' as const, leadIds: [FULL_ID] },
];

const locator = (mode: string, value: string) => ({ __rl: true, mode, value });
const byItem = (name: string) => `={{ $json.${name} }}`;
const both = [{ id: FULL_ID }, { id: SPARSE_ID }];
const all = [...both, { id: PHONE_ID }];

/** A lead as LeadSquared's reads render it (for answers injected in its place). */
async function rendered(sandbox: Sandbox, id: string): Promise<IDataObject> {
	const answer = await call(sandbox, P.byId, { query: { id } });
	return (answer.json as IDataObject[])[0];
}

/** The parameters of a lead write (Create or Update, Update): resource mapper, options over FAST. */
function write(spec: Parameters<typeof leadParameters>[0], values: IDataObject = {}): Record<string, unknown> {
	return { ...leadParameters(spec), ...values };
}

export const LEAD_CASES: OutputCase[] = [
	{
		resource: 'lead',
		operation: 'get',
		sandbox: { leads: LEADS },
		records: [''],
		async runs({ run, sandbox }) {
			const options = { ...FAST };
			await run({ lead: locator('id', byItem('id')), options }, all);
			await run({ lead: locator('email', FULL_EMAIL), options: { ...options, fieldsToReturn: ['FirstName', 'Score', 'mx_City'] } });
			await run({ lead: locator('phone', FULL_MOBILE), options });
			// Should LeadSquared ever answer a phone number with several leads, none holding it in the form sent.
			sandbox.injectFault({ type: 'json', endpoint: 'RetrieveLeadByPhoneNumber', body: [await rendered(sandbox, FULL_ID), await rendered(sandbox, SPARSE_ID)] });
			await run({ lead: locator('phone', '+1 415 555 0100'), options });
		},
	},
	{
		resource: 'lead',
		operation: 'getMany',
		sandbox: { leads: LEADS },
		records: [''],
		async runs({ run }) {
			// Without conditions: every lead.
			await run({ searchMode: 'conditions', returnAll: true, options: { ...FAST } });
			const conditions = { condition: [{ field: 'EmailAddress', operator: 'like', value: '%@schemas.example' }] };
			await run({ searchMode: 'conditions', conditions, returnAll: true, options: { ...FAST, fieldsToReturn: ['FirstName', 'Score', 'mx_City'] } });
			await run({ searchMode: 'quickSearch', quickSearchText: 'Asha', limit: 10, options: { ...FAST } });
		},
	},
	{
		resource: 'lead',
		operation: 'createOrUpdate',
		sandbox: { leads: LEADS },
		records: ['lead'],
		async runs({ run }) {
			// Each item's keys are its fields: the seed leads (found by e-mail, or by phone) keep their system fields.
			const items = [
				{ EmailAddress: FULL_EMAIL, mx_City: 'Pune' },
				{ Phone: PHONE_ONLY, mx_City: 'Delhi' },
				{ EmailAddress: 'new.lead@schemas.example', LastName: 'New', mx_City: 'Goa' },
			];
			await run(write({ autoMap: true }), items);
			await run(write({ autoMap: true, options: { returnFullLead: true } }), items);
			await run(write({ autoMap: true, options: { returnFullLead: true, sendInBatches: true } }), [...items, { EmailAddress: 'batch.lead@schemas.example', LastName: 'Batch' }]);
			await run(write({ autoMap: true, options: { unknownFields: 'drop', emptyValues: 'skip' } }), [{ EmailAddress: FULL_EMAIL, mx_Unknown: 'x', LastName: null }]);
			// Last: the lead holding the phone number takes the new e-mail address.
			await run(write({ fields: { EmailAddress: 'asha.new@schemas.example', Phone: FULL_PHONE, LastName: 'Rao' }, options: { retryDuplicatePhone: true } }));
		},
	},
	{
		resource: 'lead',
		operation: 'update',
		sandbox: { leads: LEADS },
		records: ['lead'],
		async runs({ run }) {
			// An account field only: the seed leads keep their system fields.
			await run(write({ fields: { mx_City: 'Delhi' } }, { leadId: byItem('id') }), all);
			await run(write({ fields: { mx_City: 'Delhi' }, options: { returnFullLead: true } }, { leadId: byItem('id') }), all);
			await run(write({ autoMap: true, options: { unknownFields: 'drop', emptyValues: 'skip' } }, { leadId: FULL_ID }), [{ mx_City: 'Goa', mx_Unknown: 'x', LastName: null }]);
		},
	},
	{
		resource: 'lead',
		operation: 'delete',
		sandbox: { leads: LEADS, leadDeletionEnabled: true },
		async runs({ run }) {
			await run({ leadId: byItem('id'), options: { ...FAST } }, both);
		},
	},
	{
		resource: 'lead',
		operation: 'addToList',
		sandbox: { leads: LEADS, lists: LISTS },
		async runs({ run, sandbox }) {
			const add = (list: string) => ({ list: locator('id', list), leadId: byItem('id'), options: { ...FAST } });
			await run(add(WEBINAR), both); // both added
			await run(add(CUSTOMERS), [{ id: FULL_ID }]); // already in the list
			await run(add(ALUMNI), both); // one of two added: LeadSquared does not say which
			// An answer without the count of leads added.
			sandbox.injectFault({ type: 'json', endpoint: 'AddLeadsToStaticList', body: { Status: 'Success', Message: { Message: 'Leads added to list' } } });
			await run(add(WEBINAR), [{ id: SPARSE_ID }]);
		},
	},
	{
		resource: 'lead',
		operation: 'removeFromList',
		sandbox: { leads: LEADS, lists: LISTS },
		async runs({ run }) {
			await run({ list: locator('list', CUSTOMERS), leadId: FULL_ID, options: { ...FAST } });
		},
	},
];
