/**
 * Lead → Change Owner: `Lead.Update?leadId=` with the one attribute `OwnerId`, through the one lead writer
 * (leadUpdate.ts). LeadSquared's proven way to reassign a lead is OwnerId with a **user id**
 * (leadsquared-api-more.md §4.8: 430 reassignments live); whether an owner e-mail can be written is not
 * known, so an owner given by e-mail is turned into the user's id first. The owner is checked before
 * anything is sent: an unknown or deactivated user fails the item (Users.Get, once per execution).
 */
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../machinery/errors';
import { optionsCollection, runOperation, sharedOptions } from '../engine';
import { OwnerResolver, ownerLocator, readOwner } from '../owner';
import { showFor } from '../utils';
import { leadIdProperty } from './byId';
import { triggerAutomationsOption } from './leadFields';
import { leadUpdate, readBackOptions } from './leadUpdate';

const properties: INodeProperties[] = [
	leadIdProperty('The lead to give a new owner'),
	ownerLocator({
		required: true,
		description:
			"The lead's new owner: an active user of the account, from the list (by name or e-mail), by user ID or by e-mail address (sent as the user's ID)",
	}),
	optionsCollection([triggerAutomationsOption, ...readBackOptions], sharedOptions()),
];

export const description = showFor({ resource: ['lead'], operation: ['changeOwner'] }, properties);

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(
		this,
		leadUpdate<OwnerResolver>({
			change: 'owner',
			setup: async (run) => new OwnerResolver(run.client),
			async read(run, index, _item, owners) {
				const owner = readOwner(run.context, index);
				if (!owner) throw new InputError('Owner is empty', 'owner', "Choose the lead's new owner from the list, or give their user ID or e-mail address.");
				const user = await owners.active(owner);
				return {
					attributes: [{ name: 'OwnerId', value: user.id, source: 'lead fields' }],
					customFieldSets: [],
					output: { ownerId: user.id, ownerName: user.name, ownerEmail: user.email },
				};
			},
		}),
	);
}
