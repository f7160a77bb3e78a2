/**
 * The harness's ICredentialsHelper: n8n's CLI `CredentialsHelper` (n8n/dist/credentials-helper.js, n8n
 * 2.40.7) with the credentials database replaced by an in-memory store. Everything that decides what
 * a node sees and what goes over the wire is copied from the CLI:
 *
 * - `authenticate`: a function-style `authenticate` is called with the decrypted data; a generic one
 *   (`{ type: 'generic', properties: { headers | qs | body | auth: {...} } }`) has each key and value
 *   resolved as an expression with `$credentials` and set on the request;
 * - `getDecrypted` → `applyDefaultsAndOverwrites`: the stored data is completed with the credential
 *   type's defaults (and loses parameters hidden by displayOptions) through NodeHelpers.getNodeParameters,
 *   then its expressions are resolved (per item while a node runs, else on a mock workflow);
 * - `preAuthentication` / `runPreAuthentication` for credentials with an expirable hidden property.
 *
 * Left out (no database, no licence, no external secrets): dynamic/resolvable credentials, credential
 * overwrites, AI-gateway credentials, policy enforcement, OAuth DCR fields.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IDataObject,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	INodeTypes,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import {
	getCredentialOwnRequestAllowedDomains,
	ICredentialsHelper,
	isExpression,
	jsonParse,
	NodeHelpers,
	UnexpectedError,
	UserError,
	Workflow,
} from 'n8n-workflow';
import { Credentials, getAdditionalKeys } from 'n8n-core';

import type { HarnessCredentialTypes } from './node-types';

/** One credential as the harness stores it (the CLI keeps it encrypted in its database). */
export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

/** The CLI's mock node and node types, used to resolve credential expressions outside a run. */
const mockNode: INode = { id: 'mock', name: '', typeVersion: 1, type: 'mock', position: [0, 0], parameters: {} };

const mockNodeTypes: INodeTypes = {
	getKnownTypes: () => ({}),
	getByName: (nodeType) => {
		if (nodeType !== 'mock') throw new UnexpectedError('This node is not currently installed', { tags: { nodeType } });
		return { description: { properties: [] } } as unknown as ReturnType<INodeTypes['getByName']>;
	},
	getByNameAndVersion: (nodeType, version) => NodeHelpers.getVersionedNodeType(mockNodeTypes.getByName(nodeType), version),
};

const INVALID_JSON_VALUE = Symbol('invalidJsonValue');

type Helpers = IHttpRequestHelper;

/** The CLI's restrictToCredentialDomains: the credential's own requests stay within its allowed domains. */
function restrictToCredentialDomains(helpers: Helpers, credentials: ICredentialDataDecryptedObject): Helpers {
	return {
		helpers: {
			httpRequest: async (requestOptions: IHttpRequestOptions) => {
				const allowedDomains = getCredentialOwnRequestAllowedDomains(credentials);
				if (allowedDomains === undefined) return await helpers.helpers.httpRequest(requestOptions);
				if (requestOptions.allowedDomains !== undefined) {
					throw new UserError(
						'This credential restricts requests to specific domains, which cannot be combined with the domains its authentication step asks for.',
					);
				}
				return await helpers.helpers.httpRequest({ ...requestOptions, allowedDomains });
			},
		},
	};
}

export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoredCredential>();

	constructor(
		private readonly credentialTypes: HarnessCredentialTypes,
		credentials: StoredCredential[] = [],
	) {
		super();
		for (const credential of credentials) this.add(credential);
	}

	add(credential: StoredCredential): void {
		this.store.set(credential.id, { ...credential, data: structuredClone(credential.data) });
	}

	/** The stored data (after any update by preAuthentication or an OAuth token refresh). */
	stored(id: string): StoredCredential | undefined {
		const credential = this.store.get(id);
		return credential && { ...credential, data: structuredClone(credential.data) };
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions & IDataObject;
		const credentialType = this.credentialTypes.getByName(typeName);
		if (credentialType.authenticate) {
			if (typeof credentialType.authenticate === 'function') {
				return await credentialType.authenticate(credentials, requestOptions);
			}
			if (typeof credentialType.authenticate === 'object') {
				if (!workflow || !node) {
					throw new UnexpectedError('Workflow and node are required for declarative credential authentication');
				}
				const { authenticate } = credentialType;
				if (requestOptions.headers === undefined) requestOptions.headers = {};
				if (authenticate.type === 'generic') {
					for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
						for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
							const keyResolved = this.resolveValue(key, { $credentials: credentials }, workflow, node);
							const valueResolved = this.resolveValue(value, { $credentials: credentials }, workflow, node);
							if (!requestOptions[outerKey]) requestOptions[outerKey] = {};
							(requestOptions[outerKey] as IDataObject)[keyResolved] = valueResolved;
						}
					}
				}
			}
		}
		return requestOptions;
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirableProperty = credentialType.properties.find(
			(property) => property.type === 'hidden' && property?.typeOptions?.expirable === true,
		);
		if (expirableProperty?.name === undefined) return undefined;
		const isTestingCredentials = node?.parameters?.temp === '' && node?.type === 'n8n-nodes-base.noOp';
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		if (credentials[expirableProperty.name] !== '' && !credentialsExpired && !isTestingCredentials) return undefined;
		const output = await credentialType.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials);
		if (output[expirableProperty.name] === undefined) return undefined;
		if (node.credentials) {
			const nodeCredentials = node.credentials[credentialType.name];
			const storedData = await (await this.getCredentials(nodeCredentials, credentialType.name)).getData();
			const dataToPersist: ICredentialDataDecryptedObject = { ...storedData };
			for (const [key, value] of Object.entries(output)) {
				if (key === expirableProperty.name || !isExpression(storedData[key])) dataToPersist[key] = value as ICredentialDataDecryptedObject[string];
			}
			await this.updateCredentials(nodeCredentials, credentialType.name, dataToPersist);
			return Object.assign(credentials, output) as ICredentialDataDecryptedObject;
		}
		return undefined;
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		if (typeof credentialType.preAuthentication !== 'function') return undefined;
		const output = await credentialType.preAuthentication.call(restrictToCredentialDomains(helpers, credentials), credentials);
		return (output as ICredentialDataDecryptedObject | undefined) ?? undefined;
	}

	private resolveValue(
		parameterValue: string,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
		workflow: Workflow,
		node: INode,
	): string {
		if (!isExpression(parameterValue)) return parameterValue;
		const returnValue = workflow.expression.getSimpleParameterValue(node, parameterValue, 'internal', additionalKeys, undefined, '');
		if (!returnValue) return '';
		return returnValue.toString();
	}

	getParentTypes(typeName: string): string[] {
		return this.credentialTypes.getParentTypes(typeName);
	}

	isCredentialUsableByNode(credentialType: string, nodeType: string): boolean {
		if (!this.credentialTypes.recognizes(credentialType)) return true;
		const typeDef = this.credentialTypes.getByName(credentialType);
		if (!typeDef.restrictToSupportedNodes) return true;
		return this.credentialTypes.getSupportedNodes(credentialType).includes(nodeType);
	}

	async getCredentials(nodeCredential: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const entity = this.getEntity(nodeCredential, type);
		// n8n-core's Credentials encrypts with the instance key (N8N_USER_FOLDER, see test/setup-env.ts).
		const credentials = new Credentials({ id: entity.id, name: entity.name }, entity.type);
		await credentials.setData(structuredClone(entity.data));
		return credentials;
	}

	/** The CLI's getCredentialsEntity: CredentialMissingIdError / CredentialNotFoundError. */
	private getEntity(nodeCredential: INodeCredentialsDetails, type: string): StoredCredential {
		if (!nodeCredential.id) {
			throw new UnexpectedError('Found credential with no ID.', {
				extra: { credentialName: nodeCredential.name },
				tags: { credentialType: type },
			});
		}
		const entity = this.store.get(nodeCredential.id);
		if (!entity || entity.type !== type) {
			throw new UserError(`Credential with ID "${nodeCredential.id}" does not exist for type "${type}".`);
		}
		return entity;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialTypeData = this.credentialTypes.getByName(type);
		if (credentialTypeData.extends === undefined) {
			if (['oAuth1Api', 'oAuth2Api'].includes(type)) {
				return [
					...credentialTypeData.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', required: false, default: {} },
				];
			}
			return credentialTypeData.properties;
		}
		const combineProperties: INodeProperties[] = [];
		for (const credentialsTypeName of credentialTypeData.extends) {
			NodeHelpers.mergeNodeProperties(combineProperties, this.getCredentialsProperties(credentialsTypeName));
		}
		NodeHelpers.mergeNodeProperties(combineProperties, credentialTypeData.properties);
		return combineProperties;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		// A fresh copy each time, as the CLI decrypts the stored data on every call.
		const decryptedDataOriginal = structuredClone(this.getEntity(nodeCredentials, type).data);
		if (raw === true) return decryptedDataOriginal;
		return await this.applyDefaultsAndOverwrites(additionalData, decryptedDataOriginal, type, mode, executeData, expressionResolveValues);
	}

	async applyDefaultsAndOverwrites(
		additionalData: IWorkflowExecuteAdditionalData,
		decryptedDataOriginal: ICredentialDataDecryptedObject,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const credentialsProperties = this.getCredentialsProperties(type);
		let decryptedData = NodeHelpers.getNodeParameters(
			credentialsProperties,
			decryptedDataOriginal as IDataObject as Parameters<typeof NodeHelpers.getNodeParameters>[1],
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject;
		if (decryptedDataOriginal.oauthTokenData !== undefined) decryptedData.oauthTokenData = decryptedDataOriginal.oauthTokenData;
		if (decryptedData.allowedHttpRequestDomains === undefined && decryptedDataOriginal.allowedHttpRequestDomains !== undefined) {
			decryptedData.allowedHttpRequestDomains = decryptedDataOriginal.allowedHttpRequestDomains;
		}
		if (decryptedData.allowedDomains === undefined && decryptedDataOriginal.allowedDomains !== undefined) {
			decryptedData.allowedDomains = decryptedDataOriginal.allowedDomains;
		}
		const parsedJsonLeafFields = this.parseJsonLeafExpressionFields(credentialsProperties, decryptedData);
		const additionalKeys = getAdditionalKeys(additionalData, mode, null, { isCredential: true });
		if (expressionResolveValues) {
			try {
				decryptedData = expressionResolveValues.workflow.expression.getParameterValue(
					decryptedData as IDataObject as Parameters<Workflow['expression']['getParameterValue']>[0],
					expressionResolveValues.runExecutionData,
					expressionResolveValues.runIndex,
					expressionResolveValues.itemIndex,
					expressionResolveValues.node.name,
					expressionResolveValues.connectionInputData,
					mode,
					additionalKeys,
					executeData,
					false,
					decryptedData,
				) as ICredentialDataDecryptedObject;
			} catch (error) {
				(error as Error).message += ' [Error resolving credentials]';
				throw error;
			}
		} else {
			const workflow = new Workflow({ nodes: [mockNode], connections: {}, active: false, nodeTypes: mockNodeTypes });
			await workflow.expression.acquireIsolate();
			try {
				decryptedData = this.resolveCredentialExpressions(workflow, credentialsProperties, decryptedData, mode, additionalKeys);
			} finally {
				await workflow.expression.releaseIsolate();
			}
		}
		for (const [propertyName, originalValue] of parsedJsonLeafFields) {
			decryptedData[propertyName] = JSON.stringify(decryptedData[propertyName]) ?? originalValue;
		}
		return decryptedData;
	}

	/** The CLI's resolveCredentialExpressions(+ByProperty): all at once, else property by property. */
	private resolveCredentialExpressions(
		workflow: Workflow,
		credentialsProperties: INodeProperties[],
		decryptedData: ICredentialDataDecryptedObject,
		mode: WorkflowExecuteMode,
		additionalKeys: IWorkflowDataProxyAdditionalKeys,
	): ICredentialDataDecryptedObject {
		const resolve = (value: ICredentialDataDecryptedObject) =>
			workflow.expression.getComplexParameterValue(
				mockNode,
				value as IDataObject as Parameters<Workflow['expression']['getComplexParameterValue']>[1],
				mode,
				additionalKeys,
				undefined,
				undefined,
				decryptedData,
			) as ICredentialDataDecryptedObject;
		try {
			return resolve(decryptedData);
		} catch (originalError) {
			const propertiesByName = new Map(credentialsProperties.map((property) => [property.name, property]));
			const resolvedData: ICredentialDataDecryptedObject = {};
			for (const [propertyName, propertyValue] of Object.entries(decryptedData)) {
				try {
					const resolvedProperty = resolve({ [propertyName]: propertyValue });
					if (Object.prototype.hasOwnProperty.call(resolvedProperty, propertyName)) {
						resolvedData[propertyName] = resolvedProperty[propertyName];
					}
				} catch {
					if (propertiesByName.get(propertyName)?.typeOptions?.ignoreCredentialExpressionResolveError === true) continue;
					throw originalError;
				}
			}
			return resolvedData;
		}
	}

	private parseJsonLeafExpressionFields(
		credentialsProperties: INodeProperties[],
		decryptedData: ICredentialDataDecryptedObject,
	): Map<string, string> {
		const parsedFields = new Map<string, string>();
		for (const property of credentialsProperties) {
			if (!property.typeOptions?.resolveCredentialJsonLeaves) continue;
			const value = decryptedData[property.name];
			if (typeof value !== 'string' || value === '') continue;
			const parsed = jsonParse<unknown>(value, { fallbackValue: INVALID_JSON_VALUE });
			if (parsed === INVALID_JSON_VALUE) continue;
			parsedFields.set(property.name, value);
			decryptedData[property.name] = parsed as IDataObject;
		}
		return parsedFields;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const entity = this.getEntity(nodeCredentials, type);
		this.store.set(entity.id, { ...entity, data: structuredClone(data) });
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entity = this.getEntity(nodeCredentials, type);
		this.store.set(entity.id, { ...entity, data: { ...entity.data, oauthTokenData: structuredClone(data.oauthTokenData) } });
	}
}
