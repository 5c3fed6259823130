import { Packr, Unpackr } from 'msgpackr';
import type { MessageCodec } from '../../protocol/index.js';

// TEMPORARY until protocol/codec lands: plain msgpackr with the settings the codec uses.
const packr = new Packr({ useRecords: false });
const unpackr = new Unpackr({ useRecords: false, copyBuffers: true });

export type BenchMessage = Record<string, unknown>;
export const benchCodec: MessageCodec<BenchMessage, BenchMessage> = {
  encode: (m) => packr.pack(m),
  decode: (b) => unpackr.unpack(b) as BenchMessage,
};
