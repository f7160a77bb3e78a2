import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { FieldIndex } from '../values/fields';
import { DEFAULT_SETTINGS, LeadSquaredClient } from '../transport';
import { fetchLeadFields } from '../transport/leadFields';

/** Design-time look-ups answer quickly: no long rate-limit waits or retries while a user waits in the editor. */
export const DESIGN_TIME = { ...DEFAULT_SETTINGS, maxRateLimitWaitMs: 10_000, maxRetries: 1, timeoutMs: 15_000 };

export async function loadFieldIndex(context: ILoadOptionsFunctions): Promise<FieldIndex> {
	const client = await LeadSquaredClient.connect(context, DESIGN_TIME);
	return new FieldIndex(await fetchLeadFields(client));
}

export function label(displayName: string, schemaName: string): string {
	return displayName === schemaName ? schemaName : `${displayName} (${schemaName})`;
}

/** The entries whose name holds the search text (any letter case); every entry without one. */
export function matchingName<T extends { name: string }>(entries: T[], filter: string | undefined): T[] {
	const wanted = (filter ?? '').trim().toLowerCase();
	return entries.filter((entry) => wanted === '' || entry.name.toLowerCase().includes(wanted));
}
