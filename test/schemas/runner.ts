/**
 * Runs an output case at one node version: a sandbox of its own, each run through n8n-core's engine, and
 * the json of every output item collected.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runLeadSquared, sandboxCredentials } from '../harness';
import { openSandbox } from '../engine/support';
import type { CaseContext, OutputCase } from './case';

export async function caseOutputs(outputCase: OutputCase, version: number): Promise<IDataObject[]> {
	const sandbox = await openSandbox(outputCase.sandbox);
	const outputs: IDataObject[] = [];
	const run: CaseContext['run'] = async (parameters, items = [{}], extra = {}) => {
		const result = await runLeadSquared({
			...extra,
			// The editor's saved shapes (resource mappers, fixed collections) are wider than INodeParameters' static type.
			parameters: { ...parameters, resource: outputCase.resource, operation: outputCase.operation } as INodeParameters,
			items,
			credentials: sandboxCredentials(sandbox),
			node: { ...extra.node, typeVersion: version },
		});
		const failed = [...result.items, ...result.errorItems].filter((item) => item.error !== undefined);
		if (result.status !== 'success' || failed.length > 0 || result.errorItems.length > 0) {
			const reason = result.error?.message ?? failed[0]?.error?.message ?? 'error output';
			throw new Error(`${outputCase.resource} → ${outputCase.operation} failed: ${reason}`);
		}
		if (result.items.length === 0) throw new Error(`${outputCase.resource} → ${outputCase.operation} output no item`);
		const json = result.items.map((item) => item.json);
		outputs.push(...json);
		return json;
	};
	try {
		await outputCase.runs({ sandbox, version, run });
	} finally {
		await sandbox.close();
	}
	return outputs;
}
