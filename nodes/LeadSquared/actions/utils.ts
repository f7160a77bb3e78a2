import type { IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

export type Execute = (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;

/** What an operation's file exports: its parameters and how it runs. */
export interface OperationModule {
	description: INodeProperties[];
	execute: Execute;
}

/**
 * A resource's operations (name → execute) and its parameters: its Operation parameter, then each
 * operation's own parameters, in the order the operations are given.
 */
export function resourceOf(
	operationParameter: INodeProperties,
	modules: Record<string, OperationModule>,
): { operations: Record<string, Execute>; description: INodeProperties[] } {
	return {
		operations: Object.fromEntries(Object.entries(modules).map(([name, { execute }]) => [name, execute])),
		description: [operationParameter, ...Object.values(modules).flatMap((operation) => operation.description)],
	};
}

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
