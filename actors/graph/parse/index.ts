export { detectLanguage, isLanguageId, languageIds, type LanguageId } from './detect-language.js';
export {
  defKinds,
  refKinds,
  kSignatureMaxChars,
  type DefKind,
  type RefKind,
  type DefTag,
  type RefTag,
  type FileTags,
  type GraphProblem,
} from './file-tags.js';
export { graphProblem } from './graph-problem.js';
export { loadGrammar, initParserRuntime, type LoadedGrammar } from './grammar-loader.js';
export { grammarSpecs, type GrammarSpec } from './grammar-registry.js';
export { extractTags, type ExtractedTags } from './tags-extractor.js';
export { parseSource, kDefaultParseTimeoutMs, type ParseSourceOptions } from './parse-source.js';
export { parseFile, kDefaultMaxFileBytes, type ParseFileOptions } from './parse-file.js';
export { readSourceFile, contentHash, type SourceRead } from './read-source-file.js';
export { nulOffset, kBinarySniffBytes } from './looks-binary.js';
export { ParsePool, type ParsePoolOptions } from './parse-pool.js';
export type { ParseBatchTask } from './parse-worker.js';
