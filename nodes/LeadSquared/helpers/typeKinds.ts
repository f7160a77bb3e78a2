/**
 * Activity and opportunity types: what the type parameters accept.
 * Pure: no n8n imports.
 */

/**
 * The "By Code" validation of the type parameters: a code (digits, spaces around allowed) or nothing. n8n
 * checks it before running a workflow; empty must pass, as it does in "From List", where the type is
 * optional ("every type"); where it is required, n8n's required check and the node say so.
 */
export const TYPE_CODE_OR_EMPTY = '^\\s*(\\d+\\s*)?$';
