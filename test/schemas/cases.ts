/** Every output case, one per operation of the node (output-schemas.test.ts checks that none is missing). */
import type { OutputCase } from './case';
import { CRM_CASES } from './cases-crm';
import { LEAD_CASES } from './cases-lead';
import { LIST_EMAIL_CASES } from './cases-lists-email';

export const CASES: OutputCase[] = [...LEAD_CASES, ...CRM_CASES, ...LIST_EMAIL_CASES];
