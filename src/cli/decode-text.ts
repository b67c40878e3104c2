export { decodeText, type DecodedText } from '../core';
