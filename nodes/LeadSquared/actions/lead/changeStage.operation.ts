/**
 * Lead → Change Stage: `Lead.Update?leadId=` with the one attribute `ProspectStage`, through the one lead
 * writer (leadUpdate.ts). The stage must be one of the account's stages (the options of the ProspectStage
 * field, `LeadsMetaData.Get`): checked before anything is sent, and sent in the account's exact spelling
 * (model/lead/stages.ts).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { resolveStage, STAGE_FIELD } from '../../model/lead/stages';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import { locatorOf } from '../owner';
import { showFor } from '../utils';
import { leadIdProperty } from './byId';
import { triggerAutomationsOption } from './leadFields';
import { leadUpdate, readBackOptions } from './leadUpdate';

const properties: INodeProperties[] = [
	leadIdProperty('The lead to move to another stage'),
	{
		displayName: 'Stage',
		name: 'stage',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: "The lead's new stage, one of your account's lead stages (the options of its ProspectStage field)",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a stage...',
				typeOptions: { searchListMethod: 'searchLeadStages', searchable: true },
			},
			{ displayName: 'By Name', name: 'name', type: 'string', placeholder: 'e.g. Opportunity' },
		],
	},
	optionsCollection([triggerAutomationsOption, ...readBackOptions], sharedOptions()),
];

export const description = showFor({ resource: ['lead'], operation: ['changeStage'] }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(
		this,
		leadUpdate({
			change: 'stage',
			read(run, index, _item, _extra, fields) {
				const stage = resolveStage(locatorOf(run.context, 'stage', index).value, fields);
				return { attributes: [{ name: STAGE_FIELD, value: stage, source: 'lead fields' }], customFieldSets: [], output: { stage } };
			},
		}),
	);
}
