import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { triggerProperties } from './trigger/description';
import { checkExists, create, deleteWebhooks } from './trigger/lifecycle';
import * as credentialTest from './methods/credentialTest';
import { getLeadFieldNames } from './methods/leads';
import { getTriggerActivityTypes, getTriggerOpportunityTypes } from './trigger/methods';
import { receive } from './trigger/receive';

export class LeadSquaredTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeadSquared Trigger',
		name: 'leadSquaredTrigger',
		icon: { light: 'file:leadsquared.svg', dark: 'file:leadsquared.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow at once when leads, activities, tasks or opportunities change in LeadSquared (webhooks)',
		defaults: { name: 'LeadSquared Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leadSquaredApi', required: true, testedBy: 'leadSquaredApiTest' }],
		webhooks: [
			// LeadSquared's handshake: webhook URLs should answer HEAD. First, so that n8n serves it before create()
			// registers the webhooks in LeadSquared (which may check the URL at once)
			{ name: 'setup', httpMethod: 'HEAD', responseMode: 'onReceived', path: 'webhook' },
			// LeadSquared's events; the answer ({"Status":"Success"}) goes out as soon as the execution has started
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: '', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest,
		// getTriggerLeadFields (Fields to Watch): the account's lead fields, custom field sets included
		loadOptions: { getTriggerActivityTypes, getTriggerLeadFields: getLeadFieldNames, getTriggerOpportunityTypes },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhooks.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
