/**
 * Two tiny node types for test workflows (n8n-nodes-base cannot be imported by a community package).
 *
 * - `test.source`: an execute-only start node (no inputs). The harness puts the test's items on the
 *   execution stack as its input, the way n8n hands a trigger's output to the engine; it outputs them
 *   unchanged, each paired to itself.
 * - `test.echo`: for each input item, outputs the evaluated values of its `values` entries
 *   (`{ values: { value: [{ name, value }] } }`, build it with `echoParameters()`), paired to the item.
 *   Expressions such as `={{ $('Source').item.json.email }}` therefore go through n8n's paired-item
 *   resolution exactly as in a real workflow.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

export class TestSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Source',
		name: 'source',
		group: ['input'],
		version: 1,
		description: 'Outputs the items the test gives it',
		defaults: { name: 'Source' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData().map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
	}
}

export class TestEcho implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Echo',
		name: 'echo',
		group: ['transform'],
		version: 1,
		description: 'Outputs the evaluated values of its parameters, per input item',
		defaults: { name: 'Echo' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: 'Values',
				name: 'values',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Value',
						name: 'value',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			},
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [
			this.getInputData().map((_, index) => {
				const entries = this.getNodeParameter('values.value', index, []) as Array<{ name: string; value: unknown }>;
				const json: IDataObject = {};
				for (const entry of entries) json[entry.name] = entry.value as IDataObject[string];
				return { json, pairedItem: { item: index } };
			}),
		];
	}
}

/** `{ email: '={{ ... }}' }` → the echo node's parameters. */
export function echoParameters(values: Record<string, string>): INodeParameters {
	return { values: { value: Object.entries(values).map(([name, value]) => ({ name, value })) } };
}
