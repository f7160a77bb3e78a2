/** The packed package in n8n 1.123.81, the newest 1.x, on the machine's Node 20 (`legacy` expression engine). See suite.ts. */
import { describeLine } from './suite';

describeLine('1.x');
