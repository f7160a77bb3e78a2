/**
 * The "Dates Without a Time Zone" option, shared by the operations that read dates, and the time zone it
 * names for an execution.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

export const dateTimezoneOption: INodeProperties = {
	displayName: 'Dates Without a Time Zone',
	name: 'dateTimezone',
	type: 'options',
	default: 'utc',
	options: [
		{ name: 'Are in UTC', value: 'utc', description: "LeadSquared's own convention" },
		{ name: "Are in the Workflow's Time Zone", value: 'workflow' },
	],
	description: 'How to read dates such as "2024-05-01 10:30" that carry no time zone. Dates are always sent to LeadSquared in UTC.',
};

/** The time zone of dates given without one: the workflow's, or UTC (LeadSquared's). */
export function readTimezone(context: IExecuteFunctions, options: IDataObject): string {
	return options.dateTimezone === 'workflow' ? context.getTimezone() : 'UTC';
}
