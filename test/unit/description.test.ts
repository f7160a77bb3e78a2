/**
 * The node's description: option defaults shown in the editor are the ones the transport applies,
 * and the operation is described as n8n users expect.
 */
import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY } from '../../nodes/LeadSquared/actions/engine';
import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { DEFAULT_SETTINGS } from '../../nodes/LeadSquared/transport';

const description = new LeadSquared().description;
const options = (description.properties.find((property) => property.name === 'options')?.options ?? []) as INodeProperties[];
const defaultOf = (name: string) => options.find((option) => option.name === name)?.default;

describe('node description', () => {
	it('shows the defaults the transport uses', () => {
		expect(defaultOf('maxCallsPer5Seconds')).toBe(DEFAULT_SETTINGS.pace.calls);
		expect(defaultOf('maxBulkCallsPer5Seconds')).toBe(DEFAULT_SETTINGS.bulkPace.calls);
		expect(defaultOf('maxRateLimitWait')).toBe(DEFAULT_SETTINGS.maxRateLimitWaitMs / 1000);
		expect(defaultOf('maxRetries')).toBe(DEFAULT_SETTINGS.maxRetries);
		expect(defaultOf('retryDelay')).toBe(DEFAULT_SETTINGS.retryDelayMs);
		expect(defaultOf('timeout')).toBe(DEFAULT_SETTINGS.timeoutMs);
		expect(defaultOf('concurrency')).toBe(DEFAULT_CONCURRENCY);
		expect(defaultOf('triggerAutomations')).toBe(false);
	});

	it('describes Lead → Create or Update for people and AI agents', () => {
		expect(description).toMatchObject({ name: 'leadSquared', usableAsTool: true, version: [1, 1.1], defaultVersion: 1.1 });
		const operation = description.properties.find(
			(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes('lead'),
		);
		expect(operation?.options).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ value: 'createOrUpdate', action: expect.stringMatching(/^Create or update a lead matched by email/) }),
				expect.objectContaining({ value: 'get', action: expect.stringMatching(/^Get a lead by lead ID or email or phone number/) }),
				expect.objectContaining({ value: 'getMany', action: expect.stringMatching(/^Get many leads by field conditions/) }),
				expect.objectContaining({ value: 'update', action: expect.stringMatching(/^Update a lead by lead ID/) }),
				expect.objectContaining({ value: 'delete', action: 'Delete a lead by lead ID' }),
				expect.objectContaining({ value: 'addToList', action: 'Add a lead to a static list by lead ID and list ID' }),
				expect.objectContaining({ value: 'removeFromList', action: 'Remove a lead from a static list by lead ID and list ID' }),
			]),
		);
		expect(description.credentials).toEqual([{ name: 'leadSquaredApi', required: true, testedBy: 'leadSquaredApiTest' }]);
	});
});
