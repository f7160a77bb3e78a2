/**
 * Defaults and resolution of the options of activities, tasks, opportunities, notes and users.
 * `options.ts` merges them into ResolvedOptions; the meaning of each is documented in types.ts.
 */
import { defaultActivityTypes, defaultTaskTypes, defaultUsers } from './crm-defaults';
import type { ActivityTypeDefinition, TaskTypeDefinition, UserDefinition } from './crm-types';
import type { SandboxOptions } from './types';

export interface CrmOptions {
	activityTypes: ActivityTypeDefinition[];
	taskTypes: TaskTypeDefinition[];
	users: UserDefinition[];
	activityTypesIncludeOpportunities: boolean;
	activityTypeSystemEventType: number;
	opportunityTypesApi: 'available' | 'notFound' | 'disabled';
	opportunitiesOfLeadRequiresType: 'no' | 'error' | 'empty';
	opportunitiesOfLeadRows: 'documented' | 'live';
	activityBulkMaxRows: number;
	activityMaxPageSize: number;
	activityRetrieveOffset: 'rows' | 'pages' | 'pagesFromZero';
	leadActivitiesOrder: 'newestFirst' | 'oldestFirst';
	taskRetrieveMaxDays: number;
	opportunityDuplicateScope: 'lead' | 'account';
	opportunitySearchByRequired: boolean;
}

export function crmDefaults(): CrmOptions {
	return {
		activityTypes: defaultActivityTypes(),
		taskTypes: defaultTaskTypes(),
		users: defaultUsers(),
		activityTypesIncludeOpportunities: true,
		activityTypeSystemEventType: 1,
		opportunityTypesApi: 'available',
		opportunitiesOfLeadRequiresType: 'error',
		opportunitiesOfLeadRows: 'documented',
		activityBulkMaxRows: 25,
		activityMaxPageSize: 1000,
		activityRetrieveOffset: 'rows',
		leadActivitiesOrder: 'newestFirst',
		taskRetrieveMaxDays: 100,
		opportunityDuplicateScope: 'lead',
		opportunitySearchByRequired: true,
	};
}

/** Writes into `next` the keys present in `partial`; a key given as undefined goes back to its default. */
export function mergeCrmOptions(next: CrmOptions, partial: Partial<SandboxOptions>): void {
	const defaults = crmDefaults();
	const target = next as unknown as Record<string, unknown>;
	const given = partial as Record<string, unknown>;
	for (const key of Object.keys(defaults) as Array<keyof CrmOptions>) {
		if (!Object.prototype.hasOwnProperty.call(partial, key)) continue;
		target[key] = structuredClone(given[key] ?? defaults[key]);
	}
}

/** Whether `partial` touches the account configuration that the registries are built from. */
export function touchesCrmConfig(partial: Partial<SandboxOptions>): boolean {
	return ['activityTypes', 'taskTypes', 'users'].some((key) => Object.prototype.hasOwnProperty.call(partial, key));
}
