/**
 * What the discovery operations output is exactly what the write operations take: each test reads the account
 * through a discovery operation (as a model would), builds the write from that output alone (codes, names,
 * schema names, a value chosen by each field's valueType and options), runs the write through n8n's engine,
 * and finds the record in the sandbox.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { ASHA, locator, newLead, parameters } from './pipeline-support';
import { calls, leadParameters, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

interface Described {
	schemaName: string;
	valueType: string;
	mandatory?: boolean;
	options?: string[];
}

async function run(parameters: IDataObject, items: IDataObject[] = [{}]): Promise<RunResult> {
	const result = await runLeadSquared({ parameters: parameters as never, items, credentials: sandboxCredentials(sandbox), node });
	expect(result.error?.message).toBeUndefined();
	expect(result.status).toBe('success');
	return result;
}

async function discover(resource: string, values: IDataObject = {}): Promise<IDataObject[]> {
	return (await run(parameters(resource, 'getMany', values))).items.map((item) => item.json);
}

/** A value a model would pick from the field's description alone. */
function valueFor(field: Described): string {
	if (field.options?.length) return field.options[field.options.length - 1];
	const byType: Record<string, string> = {
		text: `Given ${field.schemaName}`,
		email: 'someone@example.com',
		phone: '+91-9800000009',
		number: '42',
		boolean: 'true',
		date: '2026-05-01',
		dateTime: '2026-05-01T10:00:00Z',
		time: '10:00',
		user: ASHA.email,
	};
	return byType[field.valueType] ?? 'x';
}

const mandatory = (fields: unknown) => ((fields ?? []) as Described[]).filter((field) => field.mandatory === true);
const pairs = (fields: Described[]) => fields.map((field) => ({ name: field.schemaName, value: valueFor(field) }));

describe('discovery → writes', () => {
	it("Activity Type → Get Many's first custom type with a mandatory field, and that field, post through Activity → Create", async () => {
		const types = await discover('activityType');
		const type = types.find((entry) => entry.kind === 'custom' && mandatory(entry.fields).length > 0);
		if (!type) throw new Error('no custom type with a mandatory field');
		const required = mandatory(type.fields);
		const leadId = await newLead(sandbox, 'discovered-activity@example.com');

		const result = await run(
			parameters('activity', 'create', { leadBy: 'id', leadId, activityType: locator(String(type.code), 'code'), manualFields: { field: pairs(required) } }),
		);

		const [activity] = sandbox.records().activities;
		expect(activity).toMatchObject({ RelatedProspectId: leadId, ActivityEvent: type.code });
		for (const field of required) expect(activity.Fields[field.schemaName]).toBeTruthy();
		expect(result.items[0].json).toMatchObject({ activityId: activity.ProspectActivityId, activityEvent: type.code });

		// Every field of every custom type is one Activity → Create takes, with a value chosen by its description.
		for (const entry of types.filter((candidate) => candidate.kind === 'custom')) {
			await run(parameters('activity', 'create', { leadBy: 'id', leadId, activityType: locator(String(entry.code), 'code'), manualFields: { field: pairs(entry.fields as Described[]) } }));
		}
		expect(sandbox.records().activities).toHaveLength(1 + types.filter((candidate) => candidate.kind === 'custom').length);
	});

	it("Opportunity Type → Get Many's first type and its mandatory fields, with Lead Field → Get Many's mandatory lead fields, capture through Opportunity → Create", async () => {
		const [type] = await discover('opportunityType');
		const leadFields = (await discover('leadField', { filters: { mandatoryOnly: true } })) as unknown as Described[];
		const [identifier] = (await discover('leadField', { filters: { search: 'email' } })) as unknown as Described[];
		expect(identifier).toMatchObject({ schemaName: 'EmailAddress', identifier: true });

		const lead = Object.fromEntries([...pairs(leadFields), { name: identifier.schemaName, value: 'discovered-opportunity@example.com' }].map(({ name, value }) => [name, value]));
		await run(
			parameters('opportunity', 'create', {
				attributes: { mappingMode: 'defineBelow', value: lead, matchingColumns: [], schema: [] },
				opportunityType: locator(String(type.code), 'code'),
				opportunityManualFields: { field: pairs(mandatory(type.fields)) },
			}),
		);

		const [opportunity] = sandbox.records().opportunities;
		expect(opportunity.OpportunityEvent).toBe(type.code);
		for (const field of mandatory(type.fields)) expect(opportunity.Fields[field.schemaName]).toBeTruthy();
		expect(sandbox.leads()[0]).toMatchObject({ EmailAddress: 'discovered-opportunity@example.com' });
	});

	it("Lead Field → Get Many's mandatory and identifier fields create a lead through Lead → Create or Update", async () => {
		const required = (await discover('leadField', { filters: { mandatoryOnly: true } })) as unknown as Described[];
		const city = ((await discover('leadField', { filters: { search: 'city' } })) as unknown as Described[])[0];
		await run({ ...leadParameters({ manual: [...pairs(required), ...pairs([city]), { name: 'EmailAddress', value: 'discovered-lead@example.com' }] }) });
		expect(calls(sandbox, 'Lead.CreateOrUpdate')).toHaveLength(1);
		expect(sandbox.leads()[0]).toMatchObject({ EmailAddress: 'discovered-lead@example.com', mx_City: 'Given mx_City', LastName: 'Given LastName' });
	});

	it("Task Type → Get Many's names create tasks through Task → Create: a to-do and an appointment", async () => {
		const types = await discover('taskType');
		const leadId = await newLead(sandbox, 'discovered-task@example.com');
		for (const category of ['to-do', 'appointment']) {
			const type = types.find((entry) => entry.category === category);
			if (!type) throw new Error(`no ${category} type`);
			await run(
				parameters('task', 'create', {
					taskType: locator(String(type.name), 'name'),
					name: `A ${category}`,
					relatedTo: 'lead',
					leadId,
					owner: locator(ASHA.email, 'email'),
					dueDate: '2026-11-11T10:30:00Z',
				}),
			);
		}
		const tasks = sandbox.records().tasks;
		expect(tasks.map((task) => [task.TaskTypeId, task.Category])).toEqual([
			[types.find((entry) => entry.category === 'to-do')?.id, 1],
			[types.find((entry) => entry.category === 'appointment')?.id, 0],
		]);
	});
});
