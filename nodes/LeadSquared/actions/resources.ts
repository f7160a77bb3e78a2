/**
 * The node's resources: each brings its operations (name → execute) and its parameters. A new resource
 * adds one entry here; a new operation touches only its own file and its resource's index.
 */
import type { INodeProperties } from 'n8n-workflow';

import * as account from './account';
import * as accountActivity from './accountActivity';
import * as activity from './activity';
import * as activityType from './activityType';
import * as email from './email';
import * as lead from './lead';
import * as leadField from './leadField';
import * as list from './list';
import * as note from './note';
import * as opportunity from './opportunity';
import * as opportunityType from './opportunityType';
import * as salesActivity from './salesActivity';
import * as task from './task';
import * as taskType from './taskType';
import * as user from './user';
import type { Execute } from './utils';

export type { Execute } from './utils';

export interface Resource {
	name: string;
	value: string;
	description: INodeProperties[];
	operations: Record<string, Execute>;
}

/** Lead first: its parameters come first in the node's description (the Resource list itself is sorted). */
export const RESOURCES: Resource[] = [
	{ name: 'Lead', value: 'lead', description: lead.description, operations: lead.operations },
	{ name: 'Activity', value: 'activity', description: activity.description, operations: activity.operations },
	{ name: 'Account', value: 'account', description: account.description, operations: account.operations },
	{ name: 'Account Activity', value: 'accountActivity', description: accountActivity.description, operations: accountActivity.operations },
	{ name: 'Note', value: 'note', description: note.description, operations: note.operations },
	{ name: 'Opportunity', value: 'opportunity', description: opportunity.description, operations: opportunity.operations },
	{ name: 'Sales Activity', value: 'salesActivity', description: salesActivity.description, operations: salesActivity.operations },
	{ name: 'Task', value: 'task', description: task.description, operations: task.operations },
	{ name: 'User', value: 'user', description: user.description, operations: user.operations },
	{ name: 'List', value: 'list', description: list.description, operations: list.operations },
	{ name: 'Email', value: 'email', description: email.description, operations: email.operations },
	// Discovery: what the account holds (schema names, type codes) for the write operations above.
	{ name: 'Lead Field', value: 'leadField', description: leadField.description, operations: leadField.operations },
	{ name: 'Activity Type', value: 'activityType', description: activityType.description, operations: activityType.operations },
	{ name: 'Task Type', value: 'taskType', description: taskType.description, operations: taskType.operations },
	{ name: 'Opportunity Type', value: 'opportunityType', description: opportunityType.description, operations: opportunityType.operations },
];
