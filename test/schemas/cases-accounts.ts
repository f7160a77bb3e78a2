/**
 * Representative runs of the account and account activity operations: accounts with every field of their
 * type filled and with few (empty values come back null), each option that adds a key (Empty Values → skip
 * lists skippedFields), and both ways Delete treats the account's leads.
 */
import type { IDataObject } from 'n8n-workflow';

import { ASHA, locator, parameters, post } from '../engine/pipeline-support';
import { ACME, NORTHWIND, X } from '../sandbox/crm-extra-client';
import type { OutputCase } from './case';

const fields = (values: Record<string, unknown>) => ({ field: Object.entries(values).map(([name, value]) => ({ name, value })) });
const WATER = '5f0c2a8e-3d4b-4e1a-9c7f-1b2d3e4f5a6b';

export const ACCOUNT_CASES: OutputCase[] = [
	{
		resource: 'account',
		operation: 'create',
		async runs({ run }) {
			const account = { accountType: 'Partners', accountName: 'Globex Learning', owner: locator(ASHA.email, 'email') };
			await run(parameters('account', 'create', { ...account, accountFields: fields({ Phone: '+91-8923748971', mx_Employees: 42 }) }));
			await run(parameters('account', 'create', { ...account, accountName: 'Initech', accountFields: fields({ City: '={{ null }}' }) }, { emptyValues: 'skip' }));
		},
	},
	{
		resource: 'account',
		operation: 'update',
		async runs({ run }) {
			await run(parameters('account', 'update', { accountId: ACME.id, accountName: 'Acme Learning Ltd', accountFields: fields({ City: 'Pune' }) }));
			await run(parameters('account', 'update', { accountId: NORTHWIND.id, accountFields: fields({ City: 'Mumbai', State: '={{ null }}' }) }, { emptyValues: 'skip' }));
		},
	},
	{
		resource: 'account',
		operation: 'getMany',
		records: [''],
		async runs({ run, sandbox }) {
			// An account with only its name: LeadSquared returns its other fields empty (null).
			const res = await post(sandbox, X.companyCreate, { CompanyType: { CompanyTypeName: 'Partners' }, CompanyProperties: [{ Attribute: 'CompanyName', Value: 'Sparse' }] });
			if (res.status !== 200) throw new Error(`account not created: ${res.text}`);
			await run(parameters('account', 'getMany', { accountType: 'Partners', returnAll: true }));
			await run(parameters('account', 'getMany', { accountType: 'Vendors', returnAll: true }));
		},
	},
	{
		resource: 'account',
		operation: 'delete',
		async runs({ run }) {
			await run(parameters('account', 'delete', { accountId: '={{ $json.id }}', withLeadDelete: '={{ $json.leads }}' }), [
				{ id: ACME.id, leads: false },
				{ id: NORTHWIND.id, leads: true },
			]);
		},
	},
	{
		resource: 'accountActivity',
		operation: 'create',
		async runs({ run }) {
			const activity = { accountId: ACME.id, activityTypeCode: '10001', note: 'Kick-off', activityDate: '2026-03-01T09:00:00Z', owner: locator(ASHA.email, 'email') };
			await run(parameters('accountActivity', 'create', { ...activity, accountActivityFields: fields({ mx_Custom_1: 'Pricing', Status: 'Active' }) }));
			await run(parameters('accountActivity', 'create', { ...activity, accountActivityFields: fields({ mx_Custom_1: 'Renewal', mx_Custom_2: '={{ null }}' }) }, { emptyValues: 'skip' }));
		},
	},
	{
		resource: 'accountActivity',
		operation: 'getMany',
		records: ['', 'ActivityFields'],
		async runs({ run, sandbox }) {
			const post10001 = async (body: IDataObject) => {
				const res = await post(sandbox, X.companyActivityCreate, { RelatedCompanyId: ACME.id, ActivityEvent: 10001, ...body });
				if (res.status !== 200) throw new Error(`account activity not posted: ${res.text}`);
			};
			await post10001({ ActivityNote: 'Kick-off', ActivityDateTime: '2026-03-01 09:00:00', Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Pricing' }, { SchemaName: 'Status', Value: 'Active' }, { SchemaName: 'mx_Custom_2', Value: '2026-03-02 10:00:00' }] });
			await post10001({ Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Follow-up' }] });
			const res = await post(sandbox, X.companyActivityCreate, { RelatedCompanyId: WATER, ActivityEvent: 10003, Fields: [{ SchemaName: 'mx_Custom_1', Value: 'PO-1' }] });
			if (res.status !== 200) throw new Error(`account activity not posted: ${res.text}`);
			await run(parameters('accountActivity', 'getMany', { accountId: '={{ $json.id }}', returnAll: true }), [{ id: ACME.id }, { id: WATER }]);
		},
	},
];

