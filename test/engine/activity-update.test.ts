/**
 * Activity → Update through n8n's engine against the sandbox (`CustomActivity/Update`, the documented body): the
 * note and the fields given change, checked against the type's fields as Create checks them; custom types only,
 * refused before any call otherwise; LeadSquared's refusals said about the activity.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import { ENDPOINTS, expectNoKeys, locator, mapper, newLead, seedActivity } from './activity-support';
import { calls, FAST, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };
const UPDATE = 'CustomActivity/Update';

function updateParameters(values: IDataObject = {}, options: IDataObject = {}): INodeParameters {
	return { resource: 'activity', operation: 'update', activityId: '={{ $json.id }}', activityType: locator('201'), ...values, options: { ...FAST, ...options } } as INodeParameters;
}

const activity = (id: string) => sandbox.records().activities.find((entry) => entry.ProspectActivityId === id);

describe('Activity → Update', () => {
	it('changes the note and the fields given (converted by their type), keeps the others; one call per item', async () => {
		const leadId = await newLead(sandbox, 'activity-update@example.com');
		const first = await seedActivity(sandbox, leadId, '2026-02-01 10:00:00', { Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Contact Us' }, { SchemaName: 'mx_Custom_2', Value: 'https://example.com/a' }] });
		const second = await seedActivity(sandbox, leadId, '2026-02-02 10:00:00');
		const result = await runLeadSquared({
			parameters: updateParameters({ note: '={{ $json.note }}', activityFields: mapper({ mx_Custom_3: '2026-02-03T04:30:00Z', mx_Custom_4: 'newsletter' }) }),
			items: [
				{ id: first, note: 'Called back' },
				{ id: second, note: '' },
			],
			credentials: sandboxCredentials(sandbox),
			node,
		});

		expect(result.status).toBe('success');
		expect(result.items).toEqual([
			{ json: { status: 'Success', activityId: first, activityEvent: 201, activityType: 'Form Submitted' }, pairedItem: { item: 0 } },
			{ json: { status: 'Success', activityId: second, activityEvent: 201, activityType: 'Form Submitted' }, pairedItem: { item: 1 } },
		]);
		const fields = [
			{ SchemaName: 'mx_Custom_3', Value: '2026-02-03 04:30:00' },
			{ SchemaName: 'mx_Custom_4', Value: 'Newsletter' },
		];
		expect(calls(sandbox, UPDATE).map((entry) => entry.body)).toEqual(
			expect.arrayContaining([
				{ ProspectActivityId: first, ActivityEvent: 201, ActivityNote: 'Called back', Fields: fields },
				{ ProspectActivityId: second, ActivityEvent: 201, Fields: fields },
			]),
		);
		expect(activity(first)).toMatchObject({ ActivityNote: 'Called back', Fields: { mx_Custom_1: 'Contact Us', mx_Custom_2: 'https://example.com/a', mx_Custom_4: 'Newsletter' } });
		expect(activity(second)).toMatchObject({ ActivityNote: 'Seeded 2026-02-02 10:00:00' });
		// The type's fields are read once per run, the account's types once.
		expect(calls(sandbox, ENDPOINTS.setting)).toHaveLength(1);
		expect(calls(sandbox, ENDPOINTS.types)).toHaveLength(1);
		expectNoKeys(sandbox, result);
	});

	it('Empty Values: skip (default) lists the field and leaves it; clear empties it; a mandatory field may be left out (an update)', async () => {
		const leadId = await newLead(sandbox, 'activity-empty@example.com');
		const id = await seedActivity(sandbox, leadId, '2026-02-01 10:00:00', { Fields: [{ SchemaName: 'mx_Custom_1', Value: 'Contact Us' }, { SchemaName: 'mx_Custom_2', Value: 'https://example.com/a' }] });
		const run = async (options: IDataObject) =>
			await runLeadSquared({
				parameters: updateParameters({ note: 'Checked', activityFields: mapper({ mx_Custom_2: null }) }, options),
				items: [{ id }],
				credentials: sandboxCredentials(sandbox),
				node,
			});
		expect((await run({})).items[0].json).toMatchObject({ activityId: id, skippedFields: ['mx_Custom_2'] });
		expect(activity(id)?.Fields.mx_Custom_2).toBe('https://example.com/a');
		expect((await run({ emptyValues: 'clear' })).items[0].json).not.toHaveProperty('skippedFields');
		expect(calls(sandbox, UPDATE)[1].body).toEqual({ ProspectActivityId: id, ActivityEvent: 201, ActivityNote: 'Checked', Fields: [{ SchemaName: 'mx_Custom_2', Value: '' }] });
		expect(activity(id)?.Fields.mx_Custom_2).toBe('');
	});

	it('a system, opportunity or sales activity type is refused before any update call, naming the custom types', async () => {
		const cases: Array<[string, RegExp]> = [
			['22', /^Activity type Outbound Phone Call Activity \(22\) is a system activity type; LeadSquared lets only custom activities be updated through the API/],
			['12000', /^Activity type Admission \(12000\) is an opportunity type/],
			['98', /^Activity type 98 is not one of your account's activity types, and its code is not in the range of custom types/],
		];
		for (const [code, message] of cases) {
			const result = await runLeadSquared({
				parameters: updateParameters({ activityType: locator(code), note: 'x' }),
				items: [{ id: '3aee22bd-0000-4000-8000-000000000001' }],
				credentials: sandboxCredentials(sandbox),
				node,
			});
			expect(result.status).toBe('error');
			expect(result.error?.message).toMatch(message);
			expect(result.error?.description).toMatch(/Your custom activity types: Form Submitted \(201\), Phone Call \(202\)/);
		}
		// An account that lists its sales activity types: listed as system types, refused as such.
		sandbox.configure({ salesActivityTypesListed: true });
		try {
			const sale = await runLeadSquared({
				parameters: updateParameters({ activityType: locator('98'), note: 'x' }),
				items: [{ id: '3aee22bd-0000-4000-8000-000000000001' }],
				credentials: sandboxCredentials(sandbox),
				node,
			});
			expect(sale.error?.message).toMatch(/^Activity type Sales Activity \(98\) is a system activity type/);
		} finally {
			sandbox.configure({ salesActivityTypesListed: undefined });
		}
		expect(calls(sandbox, UPDATE)).toHaveLength(0);
	});

	it("an unknown activity and an activity of another type are clear item errors with LeadSquared's exception; continue-on-fail pairs every item", async () => {
		const leadId = await newLead(sandbox, 'activity-errors@example.com');
		const id = await seedActivity(sandbox, leadId, '2026-02-01 10:00:00');
		const call = await runLeadSquared({
			parameters: updateParameters({ activityType: locator('202'), note: 'x' }),
			items: [{ id }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(call.items[0].json).toMatchObject({
			error: expect.stringMatching(new RegExp(`^LeadSquared refused the update: activity ${id} is not an activity of type Phone Call \\(202\\)`)),
			details: { exceptionType: 'MXInvalidActivityException', description: expect.stringContaining("Activity Type must be the activity's own type") },
		});

		const result = await runLeadSquared({
			parameters: updateParameters({ note: '={{ $json.note }}' }),
			items: [{ id: '3aee22bd-0000-4000-8000-000000000001', note: 'x' }, { id, note: '' }, { id, note: 'Kept going' }],
			credentials: sandboxCredentials(sandbox),
			continueOnFail: true,
			node,
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({
			error: 'No activity with the ID "3aee22bd-0000-4000-8000-000000000001" was found in LeadSquared',
			details: { exceptionType: 'MXUnknownProspectActivityException', exceptionMessage: 'Activity does not exist.', itemIndex: 0 },
		});
		expect(result.items[1].json).toMatchObject({ error: 'Nothing to update: no activity field and no note [item 1]', details: { itemIndex: 1 } });
		expect(result.items[2].json).toMatchObject({ status: 'Success', activityId: id });
		expect(activity(id)?.ActivityNote).toBe('Kept going');
	});
});
