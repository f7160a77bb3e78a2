/**
 * The host-side registries n8n's CLI fills from the installed packages (LoadNodesAndCredentials →
 * NodeTypes / CredentialTypes): here they hold our node and credential under the names a real n8n
 * would give them, plus the two test node types.
 */
import type { ICredentialType, ICredentialTypes, IDataObject, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { LeadSquaredApi } from '../../credentials/LeadSquaredApi.credentials';
import { LeadSquared } from '../../nodes/LeadSquared/LeadSquared.node';
import { TestEcho, TestSource } from './test-nodes';
import { leadSquaredToolType, TestAgent } from './tools';

/** n8n loads community nodes as `<package name>.<description.name>`. */
export const PACKAGE_NAME = 'n8n-nodes-leadsquared';

export const NODE_TYPES = {
	leadSquared: `${PACKAGE_NAME}.leadSquared`,
	/** The Tool variant n8n derives from `usableAsTool` (what an AI Agent or the MCP Server Trigger connects). */
	leadSquaredTool: `${PACKAGE_NAME}.leadSquaredTool`,
	source: 'test.source',
	echo: 'test.echo',
	agent: 'test.agent',
} as const;

export const CREDENTIAL_TYPE = 'leadSquaredApi';

/** Same message as the CLI's RESPONSE_ERROR_MESSAGES.NO_NODE. */
const NO_NODE = 'This node is not currently installed';

export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	constructor(entries: Record<string, INodeType | IVersionedNodeType>) {
		for (const [name, type] of Object.entries(entries)) this.types.set(name, type);
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new UnexpectedError(NO_NODE, { tags: { nodeType } });
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes(): IDataObject {
		return Object.fromEntries([...this.types.keys()].map((name) => [name, { className: name, sourcePath: '' }]));
	}

	/** Every registered node type name (for CredentialTypes.getSupportedNodes). */
	names(): string[] {
		return [...this.types.keys()];
	}
}

export class HarnessCredentialTypes implements ICredentialTypes {
	private readonly types = new Map<string, ICredentialType>();

	constructor(
		credentialTypes: ICredentialType[],
		private readonly nodeTypes: HarnessNodeTypes,
	) {
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	recognizes(credentialType: string): boolean {
		return this.types.has(credentialType);
	}

	getByName(credentialType: string): ICredentialType {
		const type = this.types.get(credentialType);
		if (!type) throw new UnexpectedError(`Unknown credential type "${credentialType}"`, { tags: { credentialType } });
		return type;
	}

	/** Like the CLI's knownCredentials[type].supportedNodes: the node types that declare the credential. */
	getSupportedNodes(type: string): string[] {
		return this.nodeTypes.names().filter((name) => {
			const nodeType = this.nodeTypes.getByNameAndVersion(name);
			return (nodeType.description.credentials ?? []).some((credential) => credential.name === type);
		});
	}

	/** Same recursion as the CLI's CredentialTypes.getParentTypes. */
	getParentTypes(typeName: string): string[] {
		const extendsArr = this.types.get(typeName)?.extends ?? [];
		if (extendsArr.length === 0) return [];
		const copy = [...extendsArr];
		for (const type of copy) copy.push(...this.getParentTypes(type));
		return copy;
	}
}

/** Fresh instances per call: n8n keeps one node instance per type, and so does each harness run. */
export function createNodeTypes(): HarnessNodeTypes {
	return new HarnessNodeTypes({
		[NODE_TYPES.leadSquared]: new LeadSquared(),
		[NODE_TYPES.leadSquaredTool]: leadSquaredToolType(),
		[NODE_TYPES.source]: new TestSource(),
		[NODE_TYPES.echo]: new TestEcho(),
		[NODE_TYPES.agent]: new TestAgent(),
	});
}

export function createCredentialTypes(nodeTypes: HarnessNodeTypes): HarnessCredentialTypes {
	return new HarnessCredentialTypes([new LeadSquaredApi()], nodeTypes);
}
