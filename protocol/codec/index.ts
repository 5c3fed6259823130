export { encodeMessage, decodeMessage, FrameCodec } from './frame-codec.js';
export { StreamCodec } from './stream-codec.js';
export { encodeValue, decodeValue } from './value-codec.js';
export { supervisorCodec, workerCodec, clientCodec, daemonCodec } from './endpoint-codecs.js';
