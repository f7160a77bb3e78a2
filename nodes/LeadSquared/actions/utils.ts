import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/**
 * Shows a group of parameters only for the given resource/operation, merging with any display rules
 * they already have (n8n's `updateDisplayOptions`, which community packages cannot import).
 */
export function showFor(show: NonNullable<IDisplayOptions['show']>, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...show, ...property.displayOptions?.show },
		},
	}));
}
