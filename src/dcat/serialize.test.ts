import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DataFactory, type Quad } from 'n3';
import { createWriter, type DcatFormat, serialize } from './rdf-writer.ts';
import {
  blank,
  cleanIri,
  cleanText,
  curie,
  iri,
  literal,
  type Property,
  RDF_TYPE,
  type RdfNode,
  type Term,
} from './terms.ts';
import { canonical, type ParsedFormat, parseRdf, type Triple } from './testing/parse-rdf.ts';

const FORMATS: ReadonlyArray<[DcatFormat, ParsedFormat]> = [
  ['ttl', 'ttl'],
  ['n3', 'ttl'],
  ['jsonld', 'jsonld'],
  ['xml', 'xml'],
  ['rdf', 'xml'],
];

const HOSTILE = [
  'He said "hello" and \'bye\'',
  'line one\nline two\r\nline three\rend',
  '<script>alert("x")</script>',
  'triple """ quotes """ and \'\'\' too',
  'back\\slash \\n not a newline \\u0041 \\"',
  'tab\there',
  '札幌市 AED設置箇所一覧 🚑 e\u0301 ﾃｽﾄ',
  ']]> &amp; &lt; <![CDATA[ x ]]>',
  '@prefix x: <http://evil/> . <a> <b> <c> .',
  '{"@id": "http://evil/"} "@context"',
  '</rdf:RDF><rdf:Description rdf:about="http://evil/">',
  '\u2028\u2029 separators',
  '   leading and trailing   ',
];

/** The triples the nodes state, as RDF/JS quads built without any of our writers. */
function expected(nodes: readonly RdfNode[]): Triple[] {
  const term = (t: Term) => {
    if (t.kind === 'iri') return DataFactory.namedNode(t.value);
    if (t.kind === 'blank') return DataFactory.blankNode(t.label);
    if (t.lang) return DataFactory.literal(t.value, t.lang);
    return DataFactory.literal(t.value, t.datatype ? DataFactory.namedNode(t.datatype) : undefined);
  };
  return nodes.flatMap((n) =>
    n.props.map(([p, o]) => {
      const subject = n.subject.kind === 'iri' ? n.subject.value : n.subject.label;
      const quad: Quad = DataFactory.quad(
        n.subject.kind === 'iri' ? DataFactory.namedNode(subject) : DataFactory.blankNode(subject),
        DataFactory.namedNode(p),
        term(o),
      );
      return { s: '', p, o: '', quad };
    }),
  );
}

function hostileNodes(texts: readonly string[]): RdfNode[] {
  const props: Property[] = [[RDF_TYPE, iri(curie('dcat', 'Dataset'))]];
  for (const t of texts) {
    props.push([curie('dct', 'title'), literal(t)]);
    props.push([curie('dct', 'description'), literal(t, { lang: 'ja' })]);
    props.push([curie('dct', 'identifier'), literal(t, { datatype: curie('xsd', 'token') })]);
  }
  const contact = blank('contact', 'id with spaces/and_underscores');
  props.push([curie('dcat', 'contactPoint'), contact]);
  return [
    { subject: iri('http://s5.test/dataset/1'), props },
    { subject: contact, props: [[curie('vcard', 'fn'), literal(texts.join('|'))]] },
  ];
}

describe('RDF serializers', () => {
  for (const [format, parser] of FORMATS) {
    it(`write ${format} that ${parser === 'ttl' ? 'n3' : parser === 'xml' ? 'rdfxml-streaming-parser' : 'jsonld'} parses back to exactly the same graph, hostile text included`, async () => {
      const nodes = hostileNodes(HOSTILE);
      const parsed = await parseRdf(parser, serialize(format, nodes));
      assert.equal(parsed.length, expected(nodes).length);
      assert.equal(await canonical(parsed), await canonical(expected(nodes)));
    });
  }

  it('keeps every hostile title character for character in all three formats', async () => {
    for (const [format, parser] of FORMATS) {
      const parsed = await parseRdf(parser, serialize(format, hostileNodes(HOSTILE)));
      const titles = parsed
        .filter((t) => t.p === curie('dct', 'title'))
        .map((t) => t.quad.object.value)
        .sort();
      assert.deepEqual(titles, [...HOSTILE].sort(), format);
    }
  });

  it('never lets a literal open markup or close the document early', () => {
    const xml = serialize('xml', hostileNodes(HOSTILE));
    assert.doesNotMatch(xml, /<script>/);
    assert.equal(xml.match(/<\/rdf:RDF>/g)?.length, 1);
    const json = serialize('jsonld', hostileNodes(HOSTILE));
    assert.doesNotMatch(json, /<\/?script/);
    const ttl = serialize('ttl', hostileNodes(HOSTILE));
    assert.equal(ttl.match(/^@prefix x:/m), null);
  });

  it('drops characters XML cannot carry and repairs lone surrogates, the same way everywhere', async () => {
    const nasty = 'a\u0000b\u0001c\u000Bd\u001Fe\uFFFEf\uD800g';
    for (const [format, parser] of FORMATS) {
      const parsed = await parseRdf(parser, serialize(format, hostileNodes([nasty])));
      const title = parsed.find((t) => t.p === curie('dct', 'title'));
      assert.equal(title?.quad.object.value, 'abcdef\uFFFDg', format);
    }
  });

  it('writes a document in pieces that parses as one graph (a streamed catalog)', async () => {
    for (const [format, parser] of FORMATS) {
      const w = createWriter(format);
      const a = hostileNodes(['one']);
      const b: RdfNode[] = [
        {
          subject: iri('http://s5.test/dataset/1'),
          props: [[curie('dct', 'title'), literal('two')]],
        },
      ];
      const text = w.begin() + w.write(a) + w.write([]) + w.write(b) + w.end();
      const parsed = await parseRdf(parser, text);
      assert.equal(await canonical(parsed), await canonical(expected([...a, ...b])), format);
    }
  });

  it('round-trips any string as a literal in every format (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (text) => {
        for (const [format, parser] of FORMATS) {
          const nodes: RdfNode[] = [
            { subject: iri('http://s5.test/x'), props: [[curie('dct', 'title'), literal(text)]] },
          ];
          const parsed = await parseRdf(parser, serialize(format, nodes));
          assert.equal(parsed[0]?.quad.object.value, cleanText(text), format);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('cleanIri', () => {
  it('percent-encodes what IRIs forbid and keeps Japanese letters', () => {
    assert.equal(
      cleanIri(' https://example.jp/a b"c<d>{e}|f^g`h\\i%zz%41/札幌.csv?x=[1] '),
      'https://example.jp/a%20b%22c%3Cd%3E%7Be%7D%7Cf%5Eg%60h%5Ci%25zz%41/札幌.csv?x=%5B1%5D',
    );
  });

  it('refuses relative, javascript: and data: values', () => {
    for (const v of ['foo.csv', '/dataset/x', 'javascript:alert(1)', 'data:text/html,x', '']) {
      assert.equal(cleanIri(v), null, v);
    }
  });

  it('makes IRIs that every parser accepts unchanged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 30 }), async (tail) => {
        const clean = cleanIri(`https://example.jp/${tail}`);
        assert.ok(clean);
        for (const [format, parser] of FORMATS) {
          const nodes: RdfNode[] = [
            { subject: iri(clean), props: [[curie('foaf', 'page'), iri(clean)]] },
          ];
          const parsed = await parseRdf(parser, serialize(format, nodes));
          assert.equal(parsed[0]?.quad.object.value, clean, format);
          assert.equal(parsed[0]?.quad.subject.value, clean, format);
        }
      }),
      { numRuns: 60 },
    );
  });
});
