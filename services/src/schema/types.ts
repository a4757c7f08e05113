// Types of the node API beyond the contract's (which come from proto through ./builder).
import { builder } from './builder.js';

export const AlertScopeEnum = builder.enumType('AlertScope', {
  values: ['OWN', 'RECEIVED', 'ALL'] as const,
  description: 'OWN: alerts this agency originated. RECEIVED and ALL are answered to this agency’s own users only.',
});
