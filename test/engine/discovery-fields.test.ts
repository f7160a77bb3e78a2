/**
 * Lead Field → Get Many and Task Type → Get Many through n8n's engine against the sandbox: the account's lead
 * fields (`LeadsMetaData.Get`) and task types (`Task.svc/RetrieveTaskType`), compact and typed: the schema
 * names and type names the write operations take, each field's type, mandatory and identifier flags, length
 * limit, dropdown values and a custom field set's sub-fields; the filters; one call per run however many items;
 * no empty or `false` key; continue-on-fail pairing.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { defaultFields } from '../../sandbox/fields';
import { runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { parameters, TASK_TYPES } from './pipeline-support';
import { calls, expectNoKeys, useSandbox } from './support';

let sandbox: Sandbox;
useSandbox((opened) => (sandbox = opened));

const node = { typeVersion: 1.1 };

async function run(resource: string, values: IDataObject = {}, items: IDataObject[] = [{}], options: IDataObject = {}, continueOnFail = false): Promise<RunResult> {
	return await runLeadSquared({ parameters: parameters(resource, 'getMany', values, options), items, credentials: sandboxCredentials(sandbox), node, continueOnFail });
}

const json = (result: RunResult) => result.items.map((item) => item.json);
const names = (result: RunResult) => json(result).map((entry) => entry.schemaName ?? entry.name);

/** Paths of keys holding nothing: '', null, false, [] or {} (the outputs promise none). */
function emptyKeys(value: unknown, path = '$'): string[] {
	if (Array.isArray(value)) return value.length === 0 ? [path] : value.flatMap((entry, index) => emptyKeys(entry, `${path}[${index}]`));
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		return entries.length === 0 ? [path] : entries.flatMap(([key, entry]) => emptyKeys(entry, `${path}.${key}`));
	}
	return value === '' || value === null || value === false || value === undefined ? [path] : [];
}

describe('Lead Field → Get Many', () => {
	it("lists every lead field in LeadSquared's order, compact and typed, from one LeadsMetaData.Get call", async () => {
		const result = await run('leadField');

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
		expect(names(result)).toEqual(defaultFields().map((field) => field.schemaName));
		const field = (name: string) => json(result).find((entry) => entry.schemaName === name);
		expect(field('mx_City')).toEqual({ schemaName: 'mx_City', displayName: 'City', dataType: 'Text', valueType: 'text', maxLength: 200 });
		expect(field('LastName')).toEqual({ schemaName: 'LastName', displayName: 'Last Name', dataType: 'Text', valueType: 'text', mandatory: true, maxLength: 100 });
		expect(field('EmailAddress')).toEqual({ schemaName: 'EmailAddress', displayName: 'Email', dataType: 'Email', valueType: 'email', identifier: true, maxLength: 256 });
		expect(field('mx_Student_Id')).toMatchObject({ valueType: 'text', identifier: true, maxLength: 50 });
		expect(field('OwnerId')).toMatchObject({ dataType: 'Text', valueType: 'user' });
		expect(field('mx_Annual_Income')).toEqual({ schemaName: 'mx_Annual_Income', displayName: 'Annual Income', dataType: 'Number', valueType: 'number' });
		expect(field('mx_Date_of_Birth')).toEqual({ schemaName: 'mx_Date_of_Birth', displayName: 'Date of Birth', dataType: 'Date', valueType: 'date' });
		expect(field('mx_Newsletter')).toMatchObject({ valueType: 'boolean' });
		expect(field('mx_Enrollment_Date')).toMatchObject({ valueType: 'dateTime' });
		expect(field('mx_Branch')).toEqual({
			schemaName: 'mx_Branch',
			displayName: 'Branch',
			dataType: 'Select',
			valueType: 'dropdown',
			options: ['Online', 'Bangalore', 'Mumbai', 'Delhi'],
		});
		expect(field('mx_KYC')).toEqual({
			schemaName: 'mx_KYC',
			displayName: 'KYC',
			dataType: 'CustomObject',
			valueType: 'fieldSet',
			fields: [
				{ schemaName: 'Status', displayName: 'Status', dataType: 'Text', valueType: 'text' },
				{ schemaName: 'mx_CustomObject_1', displayName: 'Document', dataType: 'Text', valueType: 'text' },
				{ schemaName: 'mx_CustomObject_2', displayName: 'Document Number', dataType: 'Text', valueType: 'text' },
			],
		});
		expect(emptyKeys(json(result))).toEqual([]);
		expect(result.items.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		expectNoKeys(sandbox, result);
	});

	it('filters: custom fields only, mandatory only, a text in the schema or display name (or a sub-field), without dropdown values', async () => {
		const listed = async (filters: IDataObject, options: IDataObject = {}) => names(await run('leadField', { filters }, [{}], options));
		expect(await listed({ customOnly: true })).toEqual(['mx_City', 'mx_Date_of_Birth', 'mx_Annual_Income', 'mx_Newsletter', 'mx_Course_Interest', 'mx_Student_Id', 'mx_Enrollment_Date', 'mx_Branch', 'mx_KYC']);
		expect(await listed({ mandatoryOnly: true })).toEqual(['LastName']);
		expect(await listed({ search: 'CITY' })).toEqual(['mx_City']);
		expect(await listed({ search: 'phone' })).toEqual(['Phone']);
		expect(await listed({ search: 'number' })).toEqual(['Phone', 'Mobile', 'mx_KYC']);
		expect(await listed({ search: 'stage', customOnly: true })).toEqual([]);
		expect(await listed({ search: ' ' })).toHaveLength(defaultFields().length);

		const bare = await run('leadField', { filters: { search: 'branch' } }, [{}], { includeOptions: false });
		expect(json(bare)).toEqual([{ schemaName: 'mx_Branch', displayName: 'Branch', dataType: 'Select', valueType: 'dropdown' }]);
	});

	it("several items: each its own filters and fields, paired to it, from one call; a filter that matches nothing gives that item none", async () => {
		const result = await run('leadField', { filters: { search: '={{ $json.text }}' } }, [{ text: 'city' }, { text: 'no such field' }, { text: 'income' }]);
		expect(result.items.map((item) => [item.json.schemaName, item.pairedItem])).toEqual([
			['mx_City', { item: 0 }],
			['mx_Annual_Income', { item: 2 }],
		]);
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
	});

	it('bad input fails its item before any call (a filter that is not true or false); with Continue On Fail an error item paired to it', async () => {
		const result = await run('leadField', { filters: { customOnly: '={{ $json.custom }}' } }, [{ custom: 'maybe' }, { custom: true }], {}, true);
		expect(result.items[0].json.error).toBe('Filters → Custom Fields Only is "maybe", not true or false [item 0]');
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(result.items.slice(1).every((item) => (item.pairedItem as { item: number }).item === 1 && /^mx_/.test(String(item.json.schemaName)))).toBe(true);

		const failed = await run('leadField', { filters: { customOnly: 'maybe' } });
		expect(failed.status).toBe('error');
		expect(calls(sandbox, 'LeadsMetaData.Get')).toHaveLength(1);
	});

	it('a LeadsMetaData.Get that fails fails the item with the cause; with Continue On Fail the error item is paired to it', async () => {
		sandbox.injectFault({ endpoint: 'LeadsMetaData.Get', type: 'html', status: 502, count: Infinity });
		const result = await run('leadField', {}, [{}], { maxRetries: 0 }, true);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
		expect(String(result.items[0].json.error)).toMatch(/HTTP 502/);
	});
});

describe('Task Type → Get Many', () => {
	it("lists the account's task types: the name Task → Create takes, the id, the category, an appointment's default duration", async () => {
		const result = await run('taskType');

		expect(result.status).toBe('success');
		expect(calls(sandbox, 'Task.RetrieveTaskType')).toHaveLength(1);
		expect(json(result)).toEqual([
			{ name: 'Follow Up', id: TASK_TYPES.followUp, category: 'to-do' },
			{ name: 'Document Collection', id: '0500d1a4-4cf5-11ec-993a-06f221480cd8', category: 'to-do' },
			{ name: 'Revive Old Lead', id: '0500d2e7-4cf5-11ec-993a-06f221480cd8', category: 'to-do' },
			{ name: 'Meeting', id: TASK_TYPES.meeting, category: 'appointment', defaultDurationMinutes: 30 },
			{ name: 'Site Visit', id: '0500d55a-4cf5-11ec-993a-06f221480cd8', category: 'appointment', defaultDurationMinutes: 60 },
			{ name: 'Demo Call', id: '0500d69b-4cf5-11ec-993a-06f221480cd8', category: 'appointment', defaultDurationMinutes: 45 },
		]);
		expect(emptyKeys(json(result))).toEqual([]);
	});

	it('filters: a category, a text in the name; several items from one call', async () => {
		expect(names(await run('taskType', { filters: { category: 'appointment' } }))).toEqual(['Meeting', 'Site Visit', 'Demo Call']);
		expect(names(await run('taskType', { filters: { category: 'toDo', search: 'LEAD' } }))).toEqual(['Revive Old Lead']);
		sandbox.reset();
		const result = await run('taskType', { filters: { search: '={{ $json.text }}' } }, [{ text: 'visit' }, { text: 'follow' }]);
		expect(result.items.map((item) => [item.json.name, item.pairedItem])).toEqual([
			['Site Visit', { item: 0 }],
			['Follow Up', { item: 1 }],
		]);
		expect(calls(sandbox, 'Task.RetrieveTaskType')).toHaveLength(1);
	});

	it('a category that is not one fails the item before any call', async () => {
		const result = await run('taskType', { filters: { category: 'meeting' } });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Filters → Category is "meeting"; it must be "appointment" or "toDo" [item 0]');
		expect(calls(sandbox, 'Task.RetrieveTaskType')).toHaveLength(0);
	});
});
