import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { FieldIndex } from '../helpers/fields';
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
