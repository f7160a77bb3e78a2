/**
 * The LeadSquared credential in the harness: as a test gives it, as n8n stores it, and "Test credential" as
 * n8n's CredentialsTester runs it (through the real CredentialTestContext).
 */
import type { ICredentialDataDecryptedObject, ICredentialsDecrypted, ICredentialTestFunction, INodeCredentialTestResult, INodeType } from 'n8n-workflow';
import { UnexpectedError, VersionedNodeType } from 'n8n-workflow';
import { CredentialTestContext } from 'n8n-core';

import { createAdditionalData, createCredentialsHelper, getRegistries, HARNESS_CREDENTIAL } from './engine';
import { CREDENTIAL_TYPE } from './node-types';

export interface LeadSquaredCredentials {
	host: string;
	baseUrl?: string;
	accessKey: string;
	secretKey: string;
	sendKeysAs?: 'headers' | 'query';
}

/** Credentials pointing at a sandbox: Custom Base URL, the sandbox's keys, keys in headers. */
export function sandboxCredentials(
	sandbox: { url: string; accessKey: string; secretKey: string },
	overrides: Partial<LeadSquaredCredentials> = {},
): LeadSquaredCredentials {
	return {
		host: 'custom',
		baseUrl: sandbox.url,
		accessKey: sandbox.accessKey,
		secretKey: sandbox.secretKey,
		sendKeysAs: 'headers',
		...overrides,
	};
}

/** The credential as stored in n8n: keys left undefined are absent (the type's defaults then apply). */
export function credentialData(credentials: LeadSquaredCredentials): ICredentialDataDecryptedObject {
	const data: ICredentialDataDecryptedObject = {};
	for (const [key, value] of Object.entries(credentials)) if (value !== undefined) data[key] = value as string;
	return data;
}

/** The CLI's CredentialsTester.getCredentialTestFunction, for a `testedBy` function name. */
function credentialTestFunction(credentialType: string): ICredentialTestFunction {
	const { nodeTypes, credentialTypes } = getRegistries();
	if (credentialTypes.getByName(credentialType).test) {
		throw new UnexpectedError('Declarative credential tests (ICredentialType.test) are not supported by the harness');
	}
	for (const nodeName of credentialTypes.getSupportedNodes(credentialType)) {
		const node = nodeTypes.getByName(nodeName);
		const versions = node instanceof VersionedNodeType ? Object.values(node.nodeVersions) : [node as INodeType];
		for (const nodeType of versions) {
			for (const { name, testedBy } of nodeType.description.credentials ?? []) {
				if (name !== credentialType || !testedBy) continue;
				if (typeof testedBy !== 'string') {
					throw new UnexpectedError('Declarative testedBy requests are not supported by the harness');
				}
				const test = nodeType.methods?.credentialTest?.[testedBy];
				if (test) return test;
			}
		}
	}
	throw new UnexpectedError('No testing function found for this credential.');
}

/**
 * "Test credential" as n8n's CredentialsTester.testCredentials does it: the data completed with the
 * type's defaults (applyDefaultsAndOverwrites, mode 'internal'), then the node's `testedBy` function
 * called on `new CredentialTestContext(additionalData)`.
 */
export async function testCredentials(credentials: LeadSquaredCredentials): Promise<INodeCredentialTestResult> {
	const test = credentialTestFunction(CREDENTIAL_TYPE);
	const credentialsHelper = createCredentialsHelper(CREDENTIAL_TYPE, credentialData(credentials));
	const additionalData = createAdditionalData({ credentialsHelper });
	const credentialsDecrypted: ICredentialsDecrypted = {
		id: HARNESS_CREDENTIAL.id as string,
		name: HARNESS_CREDENTIAL.name,
		type: CREDENTIAL_TYPE,
		data: await credentialsHelper.applyDefaultsAndOverwrites(additionalData, credentialData(credentials), CREDENTIAL_TYPE, 'internal'),
	};
	return await test.call(new CredentialTestContext(additionalData), credentialsDecrypted);
}
