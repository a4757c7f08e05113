// The node API: every feature adds its fields to the one builder in its own schema.ts; this file
// composes them into the schema (the features' modules are imported for that effect only).
import { builder } from './builder.js';
import '../activity/schema.js';
import '../alerts/schema.js';
import '../audit/schema.js';
import '../consultations/schema.js';
import '../directory/schema.js';
import '../hit-check/schema.js';
import '../retention/schema.js';
import '../statistics/schema.js';
import '../subscriptions/schema.js';

export const schema = builder.toSchema();
