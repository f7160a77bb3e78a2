/** Every output case, one per operation of the node (output-schemas.test.ts checks that none is missing). */
import type { OutputCase } from './case';
import { CRM_CASES } from './cases-crm';
import { EDIT_CASES } from './cases-edits';
import { LEAD_CASES } from './cases-lead';

export const CASES: OutputCase[] = [...LEAD_CASES, ...CRM_CASES, ...EDIT_CASES];
