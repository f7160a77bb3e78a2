/** Every output case, one per operation of the node (output-schemas.test.ts checks that none is missing). */
import type { OutputCase } from './case';
import { ACCOUNT_CASES } from './cases-accounts';
import { CRM_CASES } from './cases-crm';
import { DISCOVERY_CASES } from './cases-discovery';
import { EDIT_CASES } from './cases-edits';
import { LEAD_CASES } from './cases-lead';
import { LIST_EMAIL_CASES } from './cases-lists-email';
import { SALES_CASES } from './cases-sales';
import { USER_CASES } from './cases-user';

export const CASES: OutputCase[] = [...LEAD_CASES, ...CRM_CASES, ...EDIT_CASES, ...ACCOUNT_CASES, ...USER_CASES, ...SALES_CASES, ...LIST_EMAIL_CASES, ...DISCOVERY_CASES];
