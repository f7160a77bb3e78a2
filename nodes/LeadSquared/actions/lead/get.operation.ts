/**
 * Lead → Get: one lead per input item, by lead ID (`Leads.GetById`), e-mail address
 * (`Leads.GetByEmailaddress`) or phone number (`RetrieveLeadByPhoneNumber`, which matches Phone and
 * Mobile and, when several leads have the number, returns the one with the most recent activity).
 * A lead that does not exist gives no output item, or an error with "Fail When Not Found".
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameterResourceLocator, INodeProperties } from 'n8n-workflow';

import { InputError, LeadSquaredError } from '../../machinery/errors';
import type { FieldIndex } from '../../values/fields';
import { checkLookup, LEAD_ID, matchedPhoneField } from '../../model/lead/lookup';
import type { LookupMode } from '../../model/lead/lookup';
import { LOOKUP_ENDPOINTS, lookUpLeads } from '../../transport/leadReads';
import type { LookupBy } from '../../transport/leadReads';
import { optionsCollection, runOperation, sharedOptions, simplifyOption } from '../engine';
import type { Entry, Operation, RunContext } from '../engine';
import { typedValuesOn, typedValuesOption } from '../typedValues';
import { showFor } from '../utils';
import { accountFields } from './leadFields';
import { fieldsToReturnOption, leadOutput, readFieldsToReturn } from './leadRead';

const MODES: Record<LookupMode, { label: string; by: LookupBy }> = {
	list: { label: 'lead ID', by: 'id' },
	id: { label: 'lead ID', by: 'id' },
	email: { label: 'e-mail address', by: 'email' },
	phone: { label: 'phone number', by: 'phone' },
};

/** What LeadSquared does when several leads share a phone number (its documentation, Get a Lead by Phone Number). */
export const PHONE_SELECTION = 'mostRecentActivity';

const properties: INodeProperties[] = [
	{
		displayName: 'Lead',
		name: 'lead',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The lead to get: pick it from the list, or give its lead ID, e-mail address or phone number. By phone, LeadSquared matches Phone and Mobile and, when several leads have the number, returns the one with the most recent activity.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a lead...',
				typeOptions: { searchListMethod: 'searchLeads', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e6f',
				validation: [{ type: 'regex', properties: { regex: LEAD_ID.source, errorMessage: 'Not a lead ID (a GUID such as 5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e6f)' } }],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@example.com',
				validation: [{ type: 'regex', properties: { regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$', errorMessage: 'Not an e-mail address' } }],
			},
			{
				displayName: 'By Phone',
				name: 'phone',
				type: 'string',
				placeholder: 'e.g. 919845098450',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[\\s\\-().+/\\d]{5,}$', errorMessage: 'Not a phone number: use digits, with or without the country code' },
					},
				],
			},
		],
	},
	optionsCollection(
		[
			{
				displayName: 'Fail When Not Found',
				name: 'failWhenNotFound',
				type: 'boolean',
				default: false,
				description:
					'Whether an item whose lead does not exist fails with an error. Off: such an item gives no output item, and the others go on.',
			},
			fieldsToReturnOption,
			typedValuesOption,
			simplifyOption,
		],
		sharedOptions({ writes: false }),
	),
];

export const description = showFor({ resource: ['lead'], operation: ['get'] }, properties);

interface Lookup {
	mode: LookupMode;
	by: LookupBy;
	value: string;
}

interface Setup {
	fields: FieldIndex | undefined;
	typed: boolean;
	wanted: string[];
}

function readLookup(context: IExecuteFunctions, index: number): Lookup {
	const locator = context.getNodeParameter('lead', index) as INodeParameterResourceLocator | string | undefined;
	const rawMode = typeof locator === 'object' && locator !== null ? locator.mode : 'id';
	const mode = (Object.keys(MODES).includes(String(rawMode)) ? rawMode : undefined) as LookupMode | undefined;
	if (!mode) throw new InputError(`Lead: "${String(rawMode)}" is not a way to find a lead`, 'lead', 'Choose From List, By ID, By Email or By Phone.');
	const raw = typeof locator === 'object' && locator !== null ? locator.value : locator;
	const checked = checkLookup(mode, raw);
	if (!checked.ok) throw new InputError(`Lead → ${MODES[mode].label} ${checked.problem}`, 'lead', checked.hint);
	return { mode, by: MODES[mode].by, value: checked.value };
}

function notFound(lookup: Lookup): LeadSquaredError {
	const { endpoint } = LOOKUP_ENDPOINTS[lookup.by];
	return new LeadSquaredError({
		kind: 'notFound',
		message: `No lead with the ${MODES[lookup.mode].label} "${lookup.value}" was found in LeadSquared`,
		description: `LeadSquared answered ${endpoint} with no lead. Turn off Options → "Fail When Not Found" to let items whose lead does not exist pass without output.`,
	});
}

class Get implements Operation<Lookup, Setup> {
	readonly simplify = 'lead' as const;

	notFound(lookup: Lookup): string {
		const field = { id: 'ProspectID', email: 'EmailAddress', phone: 'Phone or Mobile' }[lookup.by];
		return `No lead with ${field} ${lookup.value} exists in LeadSquared.`;
	}

	async setup(run: RunContext): Promise<Setup> {
		const typed = typedValuesOn(run.context, run.options);
		const wanted = readFieldsToReturn(run.options);
		// The field types are needed only to type the values.
		return { typed, wanted, fields: typed ? await accountFields(run.context, run.client) : undefined };
	}

	prepare(run: RunContext, index: number): Lookup {
		return readLookup(run.context, index);
	}

	async send(run: RunContext, { prepared: lookup }: Entry<Lookup>, setup: Setup): Promise<IDataObject | undefined> {
		const leads = await lookUpLeads(run.client, lookup.by, lookup.value);
		if (leads.length === 0) {
			if (run.options.failWhenNotFound === true) throw notFound(lookup);
			return undefined;
		}
		const [lead] = leads;
		const json = leadOutput(lead, setup.wanted, setup.typed, setup.fields);
		if (lookup.by === 'phone') {
			const field = matchedPhoneField(lead, lookup.value);
			json.phoneMatch = {
				phone: lookup.value,
				...(field ? { field } : {}),
				selectedBy: PHONE_SELECTION,
				...(leads.length > 1 ? { leadsReturned: leads.length } : {}),
			};
		}
		return json;
	}
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runOperation(this, new Get());
}
