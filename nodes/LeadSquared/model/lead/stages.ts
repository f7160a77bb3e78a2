/**
 * Lead stages (`ProspectStage`, shown as "Lead Stage" or, on some accounts, "Contact Stage"): a dropdown
 * whose options are the account's stages. LeadSquared stores a stage only as the exact text of an option,
 * and real accounts' texts differ from what users type by spaces and commas, e.g. `Invalid/ Junk`
 * [OBS, leadsquared-api-more.md §4.8]: a stage given differently only in letter case or spaces is sent as
 * the account's own text.
 * Pure: no n8n imports.
 */
import { InputError } from '../../machinery/errors';
import type { FieldIndex } from '../../values/fields';
import { describeValue } from '../../values/values';
import { listNames } from './payload';

export const STAGE_FIELD = 'ProspectStage';

const squeeze = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/** The account's stages (the options of ProspectStage); empty when its metadata lists none. */
export function leadStages(fields: FieldIndex): string[] {
	return fields.get(STAGE_FIELD)?.options ?? [];
}

/**
 * The stage to send for `raw`: the account's own text of the stage it names (same letters, any case and
 * spacing), or the text as given when the account lists no stages. An InputError naming `field` otherwise.
 */
export function resolveStage(raw: unknown, fields: FieldIndex, field = 'stage'): string {
	const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
	if (text === undefined || text === '') {
		throw new InputError(`Stage is ${text === '' ? 'empty' : describeValue(raw)}`, field, 'Choose the lead stage from the list, or type its name.');
	}
	const stages = leadStages(fields);
	if (stages.length === 0) return text;
	const found = stages.find((stage) => stage === text) ?? stages.find((stage) => stage.toLowerCase() === text.toLowerCase());
	if (found !== undefined) return found;
	const spaced = stages.filter((stage) => squeeze(stage) === squeeze(text));
	if (spaced.length === 1) return spaced[0];
	throw new InputError(
		`Stage "${text}" is not one of your account's lead stages`,
		field,
		`LeadSquared stores only its own stage names: ${listNames(stages)}. Choose one from the list.`,
	);
}
