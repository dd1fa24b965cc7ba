import YAML from 'yaml';

/** A problem that stopped a YAML (or JSON) text from being read: where, and what, in the tool's words. */
export interface YamlTextProblem {
  /** The offset in the text the problem is about. */
  offset: number;
  message: string;
}

/** A YAML text read into a document (for the lines of its values) and plain data. */
export type YamlText = { ok: true; doc: YAML.Document; value: unknown } | { ok: false; problems: YamlTextProblem[] };

/** How many times the aliases of one text may be expanded: a little more than a pack needs. */
const MAX_ALIAS_COUNT = 100;

/**
 * Reads a pack's or a configuration's text with the YAML 1.2 parser (which reads JSON too). Never
 * throws: a syntax error, an alias bomb (`&a [*b, *b, …]` nested until the data is huge) or a text
 * nested too deeply for the parser becomes a problem with its place. Messages are the tool's own
 * words for the parser's error codes, never the parser's text, which quotes the offending line:
 * the file may be any file a configuration names, secrets included.
 */
export function readYamlText(text: string, options: { strict?: boolean } = {}): YamlText {
  try {
    const doc = YAML.parseDocument(text, { uniqueKeys: true, strict: options.strict ?? true });
    if (doc.errors.length)
      return { ok: false, problems: doc.errors.map((e) => ({ offset: e.pos[0], message: yamlErrorWords(e.code) })) };
    return { ok: true, doc, value: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    // A stack overflow in the parser or in `toJS` (a text nested thousands of levels deep), or the
    // parser's alias count check: resource limits, not bugs.
    if (error instanceof RangeError)
      return { ok: false, problems: [{ offset: 0, message: 'It is nested too deeply to be read.' }] };
    if (error instanceof ReferenceError && /alias/i.test(error.message))
      return { ok: false, problems: [{ offset: 0, message: yamlErrorWords('RESOURCE_EXHAUSTION') }] };
    throw error;
  }
}

const YAML_ERROR_WORDS: Record<string, string> = {
  ALIAS_PROPS: 'An alias (`*name`) cannot have a tag or an anchor.',
  BAD_ALIAS: 'An alias (`*name`) names no anchor (`&name`) set before it.',
  BAD_COLLECTION_TYPE: 'A tag does not fit the list or mapping it is on.',
  BAD_DIRECTIVE: 'A `%` directive is not valid here.',
  BAD_DQ_ESCAPE: 'A backslash escape in a double-quoted text is not valid.',
  BAD_INDENT: 'The indentation is wrong here.',
  BAD_PROP_ORDER: 'An anchor or a tag is in the wrong place.',
  BAD_SCALAR_START: 'A value cannot start with this character unless it is quoted.',
  BLOCK_AS_IMPLICIT_KEY: 'A key cannot be a block of lines.',
  BLOCK_IN_FLOW: 'A block of lines cannot stand inside [ ] or { }.',
  DUPLICATE_KEY: 'A key is given twice in the same mapping.',
  KEY_OVER_1024_CHARS: 'A key is longer than 1024 characters.',
  MISSING_CHAR: 'A closing character (a quote, `]`, `}` or `:`) is missing.',
  MULTILINE_IMPLICIT_KEY: 'A key runs over more than one line.',
  MULTIPLE_ANCHORS: 'A value has two anchors.',
  MULTIPLE_DOCS: 'The file holds more than one document (`---`); keep one.',
  MULTIPLE_TAGS: 'A value has two tags.',
  NON_STRING_KEY: 'A key is not a text.',
  RESOURCE_EXHAUSTION:
    'It needs more than a pack or a configuration may to be read: it is nested too deeply, or its aliases (`*name`) expand to far more data than the file holds.',
  TAB_AS_INDENT: 'A tab is used for indentation; use spaces.',
  TAG_RESOLVE_FAILED: 'A tag (`!name`) is not known.',
  UNEXPECTED_TOKEN: 'There is a character here that does not belong.',
};

/** A parser error code in words. */
function yamlErrorWords(code: string): string {
  return YAML_ERROR_WORDS[code] ?? 'The text cannot be read as YAML or JSON here.';
}
