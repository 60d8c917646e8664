/**
 * The OpenAPI 3.1 description of the HTTP API, served at GET /v1/openapi.json. This object is the source;
 * docs/openapi.json is a copy that test/server.test.ts keeps equal (regenerate it with
 * `npx tsx src/server/openapi.ts > docs/openapi.json`).
 */
import { pathToFileURL } from 'node:url';
import { OPTION_VALUES } from '../core/normalize/options.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

const ndjsonNote =
  'With `Content-Type: application/x-ndjson` the body is a batch: one JSON request object per line (blank lines are ' +
  'skipped). The answer is `application/x-ndjson`, streamed: one JSON result per request line, in order; a bad line ' +
  'gives `{"error": {..., "line": N}}` on its own line and the batch goes on. When the time budget runs out during a ' +
  'batch, every remaining line gets an E_TIMEOUT error line.';

const commonErrors = {
  '400': errorResponse('Bad JSON (E_BAD_JSON), a body that is not an object or has no string "text" (E_BAD_INPUT), or a bad option, field or component (E_BAD_OPTION, with `option` and `allowed`); a request that is not HTTP/1.1 or has no Host header (E_BAD_REQUEST).'),
  '405': errorResponse('Wrong method (E_METHOD_NOT_ALLOWED); the Allow header lists the right ones.'),
  '408': errorResponse('The body did not arrive within the time budget (E_REQUEST_TIMEOUT).'),
  '417': errorResponse('An Expect header other than 100-continue (E_BAD_REQUEST).'),
  '413': errorResponse('The body is larger than the limit, 1 MiB by default (E_TOO_LARGE).'),
  '431': errorResponse('The request headers (or the URL) are too large (E_HEADERS_TOO_LARGE): send the text in the body.'),
  '415': errorResponse('The Content-Type is not application/json or application/x-ndjson, the charset is not UTF-8, or the body is compressed (a Content-Encoding other than identity) (E_UNSUPPORTED_MEDIA_TYPE).'),
  '500': errorResponse('A failure inside the server (E_INTERNAL, E_RESOURCE_MISSING); the details are in the server log, never in the response.'),
  '503': errorResponse('The work did not finish within the time budget, 10 s by default (E_TIMEOUT), too many requests are waiting (E_BUSY), or the server is shutting down (E_SHUTTING_DOWN). Has a Retry-After header when retrying makes sense.'),
};

const ndjsonBody = {
  'application/x-ndjson': {
    schema: { type: 'string', description: 'one JSON request object per line' },
  },
};
const ndjsonAnswer = {
  'application/x-ndjson': {
    schema: { type: 'string', description: 'one JSON result (or {"error": ...}) per request line, in order' },
  },
};

export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'dabir HTTP API',
    version: '1.0.0',
    summary: 'Persian (Farsi) text normalization with half-space (ZWNJ) repair, tokenization and analysis.',
    description:
      'Started with `dabir serve [--port 8080] [--host 127.0.0.1] [--max-body 1mb] [--timeout 10s] [--workers N]`. ' +
      'All offsets (`start`, `end`) are UTF-16 code-unit offsets into the `text` of the request. Every error is ' +
      '`{"error": {"code": "E_...", "message": "..."}}` with a fixed code. Responses under /v1 carry ' +
      '`Access-Control-Allow-Origin: *` (configurable) and OPTIONS preflight requests are answered. ' +
      'Limits: the body size (413 E_TOO_LARGE) and a time budget per request, which covers reading the body ' +
      '(408 E_REQUEST_TIMEOUT) and the work (503 E_TIMEOUT).',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: 'http://127.0.0.1:8080' }],
  paths: {
    '/v1/normalize': {
      post: {
        operationId: 'normalize',
        summary: 'Correct Persian text and list every change',
        description: `Letters, digits, punctuation, spacing and half-spaces (ZWNJ), as \`normalize\` of the library. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NormalizeRequest'), example: { text: 'میخواهم 12 کتاب بخرم', options: { digits: 'fa' } } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The corrected text and the changes, with offsets into the input.', content: { 'application/json': { schema: ref('NormalizeResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/analyze': {
      post: {
        operationId: 'analyze',
        summary: 'Sentences, tokens, syntactic words and the annotations of the available components',
        description: `The document as JSON (\`format: "json"\`, the default) or CoNLL-U (\`format: "conllu"\`: \`{"conllu": "..."}\`, or the CoNLL-U itself as text/plain when the request's Accept header asks for text/plain). ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('AnalyzeRequest'), example: { text: 'اختیارش را به من داد.', format: 'json' } }, ...ndjsonBody },
        },
        responses: {
          '200': {
            description: 'The document.',
            content: {
              'application/json': { schema: { oneOf: [ref('Doc'), ref('ConlluResult')] } },
              'text/plain': { schema: { type: 'string', description: 'CoNLL-U' } },
              ...ndjsonAnswer,
            },
          },
          ...commonErrors,
        },
      },
    },
    '/v1/tokenize': {
      post: {
        operationId: 'tokenize',
        summary: 'Sentences of tokens (normalizer + tokenizer)',
        description: `Each token has its text as written, its corrected form and its offsets. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('TokenizeRequest'), example: { text: 'سلام. میخواهم بروم.' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The sentences.', content: { 'application/json': { schema: ref('TokenizeResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/spell': {
      post: {
        operationId: 'spell',
        summary: 'Spelling issues, or the corrected text',
        description: `Non-word, real-word and style issues of the text as written, with offsets into it and ranked suggestions; with \`fix\`, the text with the confident corrections applied. \`register\` (default \`auto\`: line by line) leaves colloquial spellings of known words alone in chat; in a formal line a colloquial word is a \`style\` issue with its formal spelling first (میزنه → می‌زند). The spelling data loads on the first request. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('SpellRequest'), example: { text: 'او به مدرصه رفت.' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The issues, or with fix the corrected text.', content: { 'application/json': { schema: ref('SpellResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/formalize': {
      post: {
        operationId: 'formalize',
        summary: 'Colloquial Persian in the formal written register, and every change',
        description: `Verbs, chat plurals and clitics, the object marker, the copula and common colloquial words rewritten word by word (\`یه کتاب میخوام\` → \`یک کتاب می‌خواهم\`), as \`formalize\` of the library: normalized first unless \`normalize\` is false. The rewritten words have kind \`register\`. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('FormalizeRequest'), example: { text: 'یه کتاب خوب میخوام' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The formal text and the changes, with offsets into the input.', content: { 'application/json': { schema: ref('NormalizeResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/numbers': {
      post: {
        operationId: 'numbers',
        summary: 'Number phrases with their values, and the text with them in digits (or its digits in words)',
        description: `Every number phrase of the text (\`سه هزار و پانصد\`, \`۲٫۵ میلیون\`, \`بیست و یکمین\`, digit strings that stand alone) with offsets into it, its exact value as ASCII digits and its form, as \`findNumbers\` of the library; and the text rewritten by \`convertNumbers\`: \`to\` digits (\`سه هزار و پانصد نفر\` → \`۳۵۰۰ نفر\`) or words (\`۲۵٪\` → \`بیست و پنج درصد\`). Dates, times, versions and phone numbers are left as written. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('NumbersRequest'), example: { text: 'حدود سه هزار و پانصد نفر آمدند' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The rewritten text and the number phrases.', content: { 'application/json': { schema: ref('NumbersResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/dates': {
      post: {
        operationId: 'dates',
        summary: 'Date expressions, with both calendars',
        description: `The date expressions of the text (\`سه‌شنبه ۱۵ فروردین ۱۴۰۲\`, \`پانزدهم خرداد ماه\`, \`۱۴۰۲/۰۱/۱۵\`, \`۲۰ مارس ۲۰۲۴\`, \`۱۰ محرم\`) with offsets into it and their parts, as \`findDates\` of the library; a full Jalali or Gregorian date has both calendars' dates (\`iso\`: the Gregorian one). ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('TextRequest'), example: { text: 'جلسه روز سه‌شنبه ۱۵ فروردین ۱۴۰۲ برگزار شد' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The dates.', content: { 'application/json': { schema: ref('DatesResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/terms': {
      post: {
        operationId: 'terms',
        summary: 'Search terms: folded lemmas without stopwords',
        description: `What a search index should store for the text, and what a query should become: each word's lemma folded to a search key (\`کتاب‌هایشان\` and \`كتابهايشان\` → \`کتاب\`, \`نمی‌خواستند\` → \`خواست\`), function-word stopwords, punctuation and clitics left out, with the offsets of the tokens, as \`searchTerms\` of the library. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('TermsRequest'), example: { text: 'کتاب‌هایشان را نمی‌خواستند' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The terms.', content: { 'application/json': { schema: ref('TermsResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/keywords': {
      post: {
        operationId: 'keywords',
        summary: 'Keywords of the text, ranked by TF-IDF',
        description: `Nouns, names, adjectives and the noun phrases they make (\`بانک مرکزی\`, up to \`maxWords\` words), keyed by their lemmas and ranked by occurrences × IDF against the sentences of the treebank text, best first, with every occurrence, as \`keywords\` of the library. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('KeywordsRequest'), example: { text: 'بانک مرکزی نرخ ارز را اعلام کرد. نرخ‌های ارز در بانک مرکزی ثابت ماند.' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The keywords.', content: { 'application/json': { schema: ref('KeywordsResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/phrases': {
      post: {
        operationId: 'phrases',
        summary: 'Noun phrases and verb groups (chunks)',
        description: `The base noun phrases (NP: a noun, name, pronoun or number with its adjectives, ezafe and possessive modifiers, determiners and numbers; not its preposition or \`را\`) and verb groups (VP: a verb with its auxiliaries and the non-verbal part of a light verb, with the compound verb's lemma: \`استفاده کرده بودند\` → \`استفاده کرد\`) read off the dependency parse, with offsets into the text, as \`phrases\` of the library. ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('PhrasesRequest'), example: { text: 'دانشجویان دانشگاه تهران از این روش استفاده کرده بودند.' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The phrases, in order.', content: { 'application/json': { schema: ref('PhrasesResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/identifiers': {
      post: {
        operationId: 'identifiers',
        summary: 'Phone and card numbers, IBANs, national ids, postal codes, e-mails, URLs; or the text with them redacted',
        description: `Iranian mobile numbers (with the operator) and landlines, bank card numbers (Luhn) and IBANs (شبا, mod 97) with the bank, national ids (کد ملی, check digit), postal codes (after \`کد پستی\`), e-mail addresses and URLs, with offsets into the text, the canonical value (Latin digits) and whether the checksum holds, as \`findIdentifiers\` of the library. With \`"redact": true\` the answer is the text with them masked (\`redactIdentifiers\`). ${ndjsonNote}`,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: ref('IdentifiersRequest'), example: { text: 'شماره من ۰۹۱۲ ۱۲۳ ۴۵۶۷ و کارت ۶۰۳۷-۹۹۱۲-۳۴۵۶-۷۸۹۳ است' } }, ...ndjsonBody },
        },
        responses: {
          '200': { description: 'The identifiers, in order; or, with redact, the text.', content: { 'application/json': { schema: ref('IdentifiersResult') }, ...ndjsonAnswer } },
          ...commonErrors,
        },
      },
    },
    '/v1/info': {
      get: {
        operationId: 'info',
        summary: 'Name, version, components, model files and limits',
        responses: { '200': { description: 'Information about this server.', content: { 'application/json': { schema: ref('Info') } } } },
      },
    },
    '/v1/openapi.json': {
      get: {
        operationId: 'openapi',
        summary: 'This document',
        responses: { '200': { description: 'The OpenAPI 3.1 document.', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/healthz': {
      get: {
        operationId: 'health',
        summary: 'Liveness',
        responses: {
          '200': { description: 'The server is up.', content: { 'application/json': { schema: { type: 'object', properties: { ok: { const: true } }, required: ['ok'] } } } },
          '503': errorResponse('The server is shutting down (E_SHUTTING_DOWN).'),
        },
      },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: {
                type: 'string',
                pattern: '^E_[A-Z_]+$',
                examples: ['E_BAD_JSON', 'E_BAD_INPUT', 'E_BAD_OPTION', 'E_BAD_REQUEST', 'E_NOT_FOUND', 'E_METHOD_NOT_ALLOWED', 'E_REQUEST_TIMEOUT', 'E_TOO_LARGE', 'E_HEADERS_TOO_LARGE', 'E_UNSUPPORTED_MEDIA_TYPE', 'E_TIMEOUT', 'E_BUSY', 'E_SHUTTING_DOWN', 'E_INTERNAL'],
              },
              message: { type: 'string' },
              hint: { type: 'string' },
              option: { type: 'string', description: 'E_BAD_OPTION: the option, field or "components"' },
              allowed: { type: 'array', description: 'E_BAD_OPTION: the allowed values (or names)' },
              line: { type: 'integer', description: 'NDJSON batches: the 1-based line of the request' },
            },
          },
        },
      },
      NormalizeOptions: {
        type: 'object',
        additionalProperties: false,
        description: 'Every step can be switched by name; omitted options take the first value.',
        // (from the normalizer's own table of allowed values, so the document cannot drift from it)
        properties: Object.fromEntries(Object.entries(OPTION_VALUES).map(([k, v]) => [k, { enum: [...v] }])),
      },
      NormalizeRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { text: { type: 'string' }, options: ref('NormalizeOptions') },
      },
      Change: {
        type: 'object',
        required: ['start', 'end', 'before', 'after', 'kind'],
        properties: {
          start: { type: 'integer', minimum: 0 },
          end: { type: 'integer', minimum: 0 },
          before: { type: 'string', description: 'text.slice(start, end) of the input' },
          after: { type: 'string' },
          kind: { enum: ['half-space', 'character', 'digit', 'spacing', 'punctuation', 'diacritic', 'register', 'keyboard'] },
        },
      },
      NormalizeResult: {
        type: 'object',
        required: ['text', 'changes'],
        properties: { text: { type: 'string' }, changes: { type: 'array', items: ref('Change') } },
      },
      AnalyzeRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          format: { enum: ['json', 'conllu'], default: 'json' },
          components: {
            description: 'component names (GET /v1/info lists the available ones); default: all available',
            oneOf: [{ type: 'array', items: { type: 'string' }, minItems: 1 }, { type: 'string', description: 'comma-separated' }],
          },
          options: ref('NormalizeOptions'),
          scheme: ref('Scheme'),
          beam: { type: 'integer', minimum: 1, maximum: 64, default: 1, description: "the parser's beam width: 1 parses greedily; 4 is 0.5 (PerDT) to 0.8 (iPerUDT) LAS more accurate, and slower" },
        },
      },
      Scheme: {
        enum: ['perdt', 'seraji', 'iperudt', 'auto'],
        default: 'auto',
        description:
          "treebank conventions of tokens, tags and lemmas: auto (default: each paragraph by its register, iperudt's tokens, tags and lemmas where it is colloquial, perdt's elsewhere, verb lemmas as past stems throughout), perdt, seraji, or iperudt for informal text",
      },
      Word: {
        type: 'object',
        required: ['id', 'form'],
        properties: {
          id: { type: 'integer' },
          form: { type: 'string' },
          lemma: { type: 'string' },
          upos: { type: 'string' },
          xpos: { type: 'string' },
          feats: { type: 'string' },
          head: { type: 'integer' },
          deprel: { type: 'string' },
          deps: { type: 'string' },
          misc: { type: 'string' },
        },
      },
      Token: {
        type: 'object',
        required: ['start', 'end', 'text', 'form', 'words'],
        properties: {
          start: { type: 'integer' },
          end: { type: 'integer' },
          text: { type: 'string', description: 'as written in the input' },
          form: { type: 'string', description: 'the corrected spelling' },
          spaceAfter: { const: false, description: 'present when the next token follows without a space' },
          ner: { type: 'string', description: 'named-entity label (B-PER, I-PER, B-LOC, ...) when the token is part of an entity' },
          words: { type: 'array', items: ref('Word') },
        },
      },
      Sentence: {
        type: 'object',
        required: ['id', 'start', 'end', 'text', 'tokens'],
        properties: { id: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, tokens: { type: 'array', items: ref('Token') } },
      },
      Doc: {
        type: 'object',
        required: ['text', 'sentences'],
        properties: {
          text: { type: 'string', description: 'the input, unchanged' },
          sentences: { type: 'array', items: ref('Sentence') },
          entities: { type: 'array', items: ref('Entity'), description: 'named entities, when the ner component ran' },
        },
      },
      Entity: {
        type: 'object',
        required: ['type', 'start', 'end', 'text', 'sentence', 'tokens'],
        properties: {
          type: { enum: ['PER', 'LOC', 'ORG', 'NAT', 'EVE', 'POG'] },
          start: { type: 'integer', description: 'UTF-16 offset into the input' },
          end: { type: 'integer' },
          text: { type: 'string', description: 'the entity as written in the input' },
          sentence: { type: 'integer', description: 'index of its sentence' },
          tokens: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2, description: 'first token, last token + 1 (in its sentence)' },
        },
      },
      ConlluResult: { type: 'object', required: ['conllu'], properties: { conllu: { type: 'string' } } },
      TokenizeRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { text: { type: 'string' }, options: ref('NormalizeOptions'), scheme: ref('Scheme') },
      },
      FormalizeRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          register: { enum: ['informal', 'auto'], default: 'informal', description: 'informal: rewrite every line; auto: only the lines that read as colloquial (detectRegister) [default: informal]' },
          normalize: { type: 'boolean', default: true, description: 'normalize the text first (letters, digits, spacing, half-spaces)' },
        },
      },
      NumbersRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          to: { enum: ['digits', 'words'], default: 'digits', description: 'digits: number phrases in words become digits; words: digit strings become words' },
          digits: { enum: ['fa', 'latin'], default: 'fa', description: 'the digits written with to: digits' },
          ordinals: { type: 'boolean', default: false, description: 'with to: digits, ordinals become digits too (بیست و یکم → ۲۱م)' },
        },
      },
      NumbersResult: {
        type: 'object',
        required: ['text', 'numbers'],
        properties: {
          text: { type: 'string' },
          numbers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['start', 'end', 'text', 'value', 'digits', 'form', 'words'],
              properties: {
                start: { type: 'integer', description: 'UTF-16 offset into the text of the request' },
                end: { type: 'integer' },
                text: { type: 'string' },
                value: { type: 'number', description: 'the nearest JSON number' },
                digits: { type: 'string', description: 'the exact value: "-3.25", "2500000000000"' },
                form: { enum: ['cardinal', 'ordinal', 'ordinal-attributive'] },
                words: { type: 'boolean', description: 'written at least partly in words' },
              },
            },
          },
        },
      },
      TextRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: { text: { type: 'string' } },
      },
      CalendarDate: {
        type: 'object',
        required: ['year', 'month', 'day'],
        properties: { year: { type: 'integer' }, month: { type: 'integer', minimum: 1, maximum: 12 }, day: { type: 'integer', minimum: 1, maximum: 31 } },
      },
      DatesResult: {
        type: 'object',
        required: ['dates'],
        properties: {
          dates: {
            type: 'array',
            items: {
              type: 'object',
              required: ['start', 'end', 'text', 'calendar', 'month'],
              properties: {
                start: { type: 'integer', description: 'UTF-16 offset into the text of the request' },
                end: { type: 'integer' },
                text: { type: 'string' },
                calendar: { enum: ['jalali', 'gregorian', 'hijri'] },
                year: { type: 'integer' },
                month: { type: 'integer', minimum: 1, maximum: 12 },
                day: { type: 'integer', minimum: 1, maximum: 31 },
                weekday: { type: 'string', description: 'the weekday written with the date' },
                weekdayAgrees: { type: 'boolean', description: 'whether the full date falls on that weekday' },
                jalali: ref('CalendarDate'),
                iso: { type: 'string', description: 'the Gregorian date, YYYY-MM-DD' },
              },
            },
          },
        },
      },
      IdentifiersRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          types: { type: 'array', items: { type: 'string', enum: ['mobile', 'phone', 'card', 'iban', 'nationalId', 'postalCode', 'email', 'url'] }, description: 'which kinds [default: all]' },
          redact: { type: 'boolean', default: false, description: 'answer with the text, its identifiers masked' },
          with: { type: 'string', enum: ['mask', 'type'], default: 'mask', description: 'redact: • for each letter and digit (length kept), or [type]' },
          keepLast: { type: 'integer', minimum: 0, maximum: 100, default: 0, description: 'redact: digits left visible at the end of each number' },
        },
      },
      IdentifiersResult: {
        type: 'object',
        properties: {
          identifiers: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'start', 'end', 'text', 'value', 'valid'],
              properties: {
                type: { type: 'string', enum: ['mobile', 'phone', 'card', 'iban', 'nationalId', 'postalCode', 'email', 'url'] },
                start: { type: 'integer' },
                end: { type: 'integer' },
                text: { type: 'string', description: 'as written' },
                value: { type: 'string', description: 'canonical form: Latin digits without separators (a mobile as 09xxxxxxxxx, an IBAN as IR + 24 digits)' },
                valid: { type: 'boolean', description: 'the checksum holds (card, IBAN, national id); true for kinds without one' },
                bank: { type: 'string', description: 'card, IBAN: the bank, when its prefix is known' },
                operator: { type: 'string', description: 'mobile: the operator, when its prefix is known' },
              },
            },
          },
          text: { type: 'string', description: 'with redact: the text with its identifiers masked' },
        },
      },
      PhrasesRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          types: { type: 'array', items: { type: 'string', enum: ['NP', 'VP'] }, default: ['NP', 'VP'], description: 'which kinds (an empty list: none)' },
        },
      },
      PhrasesResult: {
        type: 'object',
        required: ['phrases'],
        properties: {
          phrases: {
            type: 'array',
            items: {
              type: 'object',
              required: ['type', 'start', 'end', 'text', 'pieces', 'sentence', 'words', 'head', 'lemma'],
              properties: {
                type: { type: 'string', enum: ['NP', 'VP'] },
                start: { type: 'integer', description: 'offset of its first token in the text (UTF-16 code units)' },
                end: { type: 'integer', description: 'end of its last token' },
                text: { type: 'string', description: 'the text of [start, end)' },
                pieces: { type: 'array', description: 'the stretches of adjacent words it is made of (a verb group may have more than one)', items: { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer' }, end: { type: 'integer' } } } },
                sentence: { type: 'integer', description: 'index of its sentence' },
                words: { type: 'array', items: { type: 'integer' }, description: 'ids (1-based) of its words in the sentence' },
                head: { type: 'integer', description: 'id of its head word' },
                lemma: { type: 'string', description: "NP: the head's lemma; VP: the compound verb's lemma (استفاده کرد)" },
              },
            },
          },
        },
      },
      KeywordsRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          n: { type: 'integer', minimum: 0, maximum: 1000, default: 10, description: 'how many' },
          maxWords: { type: 'integer', minimum: 1, maximum: 1000, default: 3, description: 'the longest phrase, in words' },
        },
      },
      KeywordsResult: {
        type: 'object',
        required: ['keywords'],
        properties: {
          keywords: {
            type: 'array',
            items: {
              type: 'object',
              required: ['phrase', 'form', 'lemma', 'key', 'score', 'count', 'spans'],
              properties: {
                phrase: { type: 'string', description: 'the text of its first occurrence, as written' },
                form: { type: 'string', description: 'the same as the normalizer corrected it (نرم افزارهای → نرم‌افزارهای)' },
                lemma: { type: 'string', description: "its words' lemmas, space-separated: the keyword's base form (نرم‌افزار)" },
                key: { type: 'string', description: 'its search terms (folded lemmas) joined by a space' },
                score: { type: 'number', description: 'relative score, 1 for the best' },
                count: { type: 'integer' },
                spans: { type: 'array', items: { type: 'object', required: ['start', 'end'], properties: { start: { type: 'integer' }, end: { type: 'integer' } } } },
              },
            },
          },
        },
      },
      TermsRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          stopwords: { type: 'boolean', default: true, description: 'leave out the function-word stopwords' },
          lemmas: { type: 'boolean', default: true, description: 'lemmas (true) or folded word forms (false)' },
        },
      },
      TermsResult: {
        type: 'object',
        required: ['terms'],
        properties: {
          terms: {
            type: 'array',
            items: { type: 'object', required: ['term', 'start', 'end'], properties: { term: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' } } },
          },
        },
      },
      SpellRequest: {
        type: 'object',
        additionalProperties: false,
        required: ['text'],
        properties: {
          text: { type: 'string' },
          kinds: { type: 'array', minItems: 1, items: { enum: ['non-word', 'real-word', 'style'] }, description: 'kinds to report [default: all]' },
          register: { enum: ['formal', 'informal', 'auto'], default: 'auto', description: 'informal: colloquial spellings of known words are not flagged; formal: they are; auto: informal on the lines that read as colloquial (detectRegister), formal on the others [default: auto]' },
          fix: { type: 'boolean', description: 'answer the corrected text instead of the issues' },
        },
      },
      SpellResult: {
        oneOf: [
          {
            type: 'object',
            required: ['issues'],
            properties: {
              issues: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['start', 'end', 'text', 'word', 'kind', 'suggestions', 'confidence'],
                  properties: {
                    start: { type: 'integer' },
                    end: { type: 'integer' },
                    text: { type: 'string' },
                    word: { type: 'string' },
                    kind: { enum: ['non-word', 'real-word', 'style'] },
                    suggestions: { type: 'array', items: { type: 'object', required: ['text', 'score'], properties: { text: { type: 'string' }, score: { type: 'number' } } } },
                    confidence: { type: 'number' },
                  },
                },
              },
            },
          },
          { type: 'object', required: ['text'], properties: { text: { type: 'string' } } },
        ],
      },
      TokenizeResult: {
        type: 'object',
        required: ['sentences'],
        properties: {
          sentences: {
            type: 'array',
            items: {
              type: 'object',
              required: ['start', 'end', 'text', 'tokens'],
              properties: {
                start: { type: 'integer' },
                end: { type: 'integer' },
                text: { type: 'string' },
                tokens: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['start', 'end', 'text', 'form'],
                    properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, form: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
      Info: {
        type: 'object',
        required: ['name', 'version', 'components', 'models', 'limits'],
        properties: {
          name: { const: 'dabir' },
          version: { type: 'string' },
          components: { type: 'array', items: { type: 'string' } },
          models: { type: 'object', description: 'data/manifest.json: the model files with their sizes and sha256' },
          limits: {
            type: 'object',
            properties: { maxBodyBytes: { type: 'integer' }, timeoutMs: { type: 'integer' }, workers: { type: 'integer' } },
          },
        },
      },
    },
  },
} as const;

// `npx tsx src/server/openapi.ts > docs/openapi.json`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${JSON.stringify(OPENAPI, null, 2)}\n`);
}
