/**
 * Representative runs of the user operations and of the two lead operations over the owner and stage
 * lists: an active user (the single reads' full record) and a deactivated one (Users.Get's record), every
 * user and a search; a change of owner and of stage with and without "Return Full Lead".
 */
import { ASHA, VIR, locator, parameters } from '../engine/pipeline-support';
import type { OutputCase } from './case';
import { LEADS, FULL_ID, SPARSE_ID } from './cases-lead';

const KARAN_ID = '190e7b6f-39da-11e6-b61b-22000aa8e760';
const byItem = (name: string) => `={{ $json.${name} }}`;
const both = [{ id: FULL_ID }, { id: SPARSE_ID }];

export const USER_CASES: OutputCase[] = [
	{
		resource: 'user',
		operation: 'get',
		records: [''],
		async runs({ run }) {
			await run(parameters('user', 'get', { user: locator(byItem('user'), 'id') }), [{ user: ASHA.id }, { user: KARAN_ID }]);
			await run(parameters('user', 'get', { user: locator(VIR.email, 'email') }));
		},
	},
	{
		resource: 'user',
		operation: 'getMany',
		records: [''],
		async runs({ run }) {
			await run(parameters('user', 'getMany', { source: 'all', returnAll: true }));
			await run(parameters('user', 'getMany', { source: 'search', conditions: { condition: [{ field: 'Role', operator: 'eq', value: 'Sales_User' }] }, returnAll: true }));
		},
	},
	{
		resource: 'lead',
		operation: 'changeOwner',
		sandbox: { leads: LEADS },
		records: ['lead'],
		async runs({ run }) {
			await run(parameters('lead', 'changeOwner', { leadId: byItem('id'), owner: locator(ASHA.id) }), both);
			await run(parameters('lead', 'changeOwner', { leadId: byItem('id'), owner: locator(VIR.email, 'email') }, { returnFullLead: true }), both);
		},
	},
	{
		resource: 'lead',
		operation: 'changeStage',
		sandbox: { leads: LEADS },
		records: ['lead'],
		async runs({ run }) {
			await run(parameters('lead', 'changeStage', { leadId: byItem('id'), stage: locator('Customer') }), both);
			await run(parameters('lead', 'changeStage', { leadId: byItem('id'), stage: locator('opportunity', 'name') }, { returnFullLead: true }), both);
		},
	},
];
