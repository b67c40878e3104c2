export { oneBased, type OneBasedRange } from '../../core';
