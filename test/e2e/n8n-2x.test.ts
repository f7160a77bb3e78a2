/** The packed package in n8n 2.40.7 on Node 24 (stock `vm` expression engine). See suite.ts. */
import { describeLine } from './suite';

describeLine('2.x');
