// The hit / no-hit check between nodes: what a node is asked (pseudonyms only, never the raw
// identifier, which stays at the asking user's own node).
import { z } from 'zod';
import { pseudonymizedIdentifier } from './alert.js';

/** One identifier under each key epoch in use: a handful of pseudonyms, never a list to trawl. */
export const hitCheckRequest = z.array(pseudonymizedIdentifier).min(1, 'give the pseudonyms to check').max(8);

/**
 * The most checks the gateway sends a node in one batched request (hitChecks, ownHitChecks), and
 * the most a node takes: enough for the checks that reach a busy gateway in one moment.
 */
export const MAX_BATCHED_CHECKS = 64;
