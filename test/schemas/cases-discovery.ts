/**
 * Representative runs of the discovery operations (Lead Field, Activity Type, Task Type, Opportunity Type →
 * Get Many): every key they can output, the ones LeadSquared's answers add only sometimes included: a type
 * whose fields LeadSquared refuses (fieldsUnavailable), the opportunity list's fallback (GetOpportunityTypes
 * unavailable), a type without direction or score.
 */
import { parameters } from '../engine/pipeline-support';
import type { OutputCase } from './case';

const REFUSED = { Status: 'Error', ExceptionType: 'MXInvalidActivityException', ExceptionMessage: 'Settings are not available' };

export const DISCOVERY_CASES: OutputCase[] = [
	{
		resource: 'leadField',
		operation: 'getMany',
		async runs({ run }) {
			await run(parameters('leadField', 'getMany'));
			await run(parameters('leadField', 'getMany', { filters: { customOnly: true } }, { includeOptions: false }));
		},
	},
	{
		resource: 'activityType',
		operation: 'getMany',
		async runs({ run, sandbox }) {
			await run(parameters('activityType', 'getMany', { types: 'all' }));
			sandbox.injectFault({ endpoint: 'CustomActivity/GetActivitySetting', type: 'json', status: 500, body: REFUSED });
			await run(parameters('activityType', 'getMany', { filters: { search: '201' } }));
			// An entry without EventDirection and Score (no source shows them on every entry).
			sandbox.injectFault({ endpoint: 'ActivityTypes.Get', type: 'json', body: [{ ActivityEvent: 205, ActivityEventName: 'Site Visit', EventType: 2 }] });
			await run(parameters('activityType', 'getMany', { includeFields: false }));
		},
	},
	{
		resource: 'taskType',
		operation: 'getMany',
		async runs({ run }) {
			await run(parameters('taskType', 'getMany'));
		},
	},
	{
		resource: 'opportunityType',
		operation: 'getMany',
		async runs({ run, sandbox }) {
			await run(parameters('opportunityType', 'getMany'));
			sandbox.injectFault({ endpoint: 'GetOpportunityTypeMetadata', type: 'json', status: 500, body: REFUSED });
			sandbox.configure({ opportunityTypesApi: 'notFound' });
			await run(parameters('opportunityType', 'getMany', { filters: { search: '12000' } }));
		},
	},
];
