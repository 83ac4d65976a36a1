import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {
  canonicalEncoding,
  charsetFromContentType,
  charsetFromHtmlMeta,
  charsetFromXmlDeclaration,
  decodeBytes,
  isSupportedEncoding,
} from './decode.js';

// Sample texts written for these tests (not taken from any article).
const SERBIAN_CYRILLIC_LINE = 'Полиција је блокирала пут код Јариња.';
const SERBIAN_CYRILLIC_PARAGRAPH =
  'Полиција је у понедељак ујутру блокирала пут код Јариња, а возачи су сатима чекали на прелазу. ' +
  'Председник општине рекао је да ће се ситуација смирити до петка, али да грађани траже објашњење. ' +
  'Према његовим речима, нико није повређен, а саобраћај ће бити поново отворен чим се уклоне барикаде. ' +
  'Међународне снаге су саопштиле да прате догађаје и да су у сталном контакту са обе стране.';
// KOI8-R has no Serbian letters (ј, љ, њ, ћ, ђ, џ), so its texts are Russian.
const RUSSIAN_LINE = 'Полиция перекрыла дорогу у Яриня.';
const RUSSIAN_PARAGRAPH =
  'В понедельник утром полиция перекрыла дорогу у пограничного перехода, и водители несколько часов ждали в очереди. ' +
  'Глава общины заявил, что ситуация стабилизируется к пятнице, но жители требуют объяснений. ' +
  'По его словам, никто не пострадал, а движение будет восстановлено, как только уберут баррикады. ' +
  'Международные силы сообщили, что следят за событиями и поддерживают связь с обеими сторонами.';
const CROATIAN_LINE = 'Šef policije u Zvečanu je rekao da će žurno poslati pojačanja.';
const CROATIAN_PARAGRAPH =
  'Šef policije u Zvečanu je u ponedjeljak rekao da će žurno poslati pojačanja na prijelaz kod Jarinja, ' +
  'gdje su vozači satima čekali. Građani su zatražili objašnjenje, a općinski načelnik je izjavio da nitko nije ozlijeđen. ' +
  'Žene i djeca iz obližnjih sela sklonjeni su kod rodbine, dok su međunarodne snage poručile da pažljivo prate situaciju. ' +
  'Promet će, kažu, biti ponovno otvoren čim se uklone barikade i šljunak s ceste.';
const POLISH_LINE = 'Policja zablokowała drogę w pobliżu przejścia, powiedział rzecznik.';
const ALBANIAN_LINE = 'Kryetari i komunës tha se situata në veri është e qetë dhe rruga do të hapet.';
const ALBANIAN_PARAGRAPH =
  'Kryetari i komunës tha të hënën se situata në veri është e qetë, por policia ka bllokuar rrugën pranë Jarinjës. ' +
  'Shoferët kanë pritur me orë të tëra në kufi. Çështja e targave mbetet e pazgjidhur, dhe qytetarët kërkojnë shpjegime nga qeveria. ' +
  'Sipas tij, askush nuk është lënduar dhe rruga do të hapet sapo të hiqen barrikadat.';

function encode(text: string, encoding: string): Uint8Array {
  const bytes = iconv.encode(text, encoding);
  // Guard the fixtures themselves: a text the charset cannot hold would test nothing.
  assert.equal(iconv.decode(bytes, encoding), text, `fixture is not representable in ${encoding}`);
  return bytes;
}

describe('decodeBytes on legacy single-byte encodings', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['windows-1251', 'a Serbian Cyrillic paragraph', SERBIAN_CYRILLIC_PARAGRAPH],
    ['windows-1251', 'a one-line Serbian Cyrillic sentence', SERBIAN_CYRILLIC_LINE],
    ['windows-1251', 'a Russian paragraph', RUSSIAN_PARAGRAPH],
    ['windows-1251', 'a one-line Russian sentence', RUSSIAN_LINE],
    ['koi8-r', 'a Russian paragraph', RUSSIAN_PARAGRAPH],
    ['koi8-r', 'a one-line Russian sentence', RUSSIAN_LINE],
    ['koi8-r', 'an all-caps Russian headline', 'ПОЛИЦИЯ ПЕРЕКРЫЛА ДОРОГУ'],
    ['windows-1251', 'an all-caps Serbian headline', 'ПОЛИЦИЈА БЛОКИРАЛА ПУТ'],
    ['windows-1250', 'a Croatian paragraph', CROATIAN_PARAGRAPH],
    ['windows-1250', 'a one-line Croatian sentence', CROATIAN_LINE],
    ['iso-8859-2', 'a Croatian paragraph', CROATIAN_PARAGRAPH],
    ['iso-8859-2', 'a one-line Croatian sentence', CROATIAN_LINE],
    ['windows-1250', 'a one-line Polish sentence', POLISH_LINE],
    ['iso-8859-2', 'a one-line Polish sentence', POLISH_LINE],
    ['windows-1250', 'a single surname', 'Ivan Jović'],
    ['iso-8859-2', 'a question starting with Š', 'Šta će biti sutra?'],
  ];
  for (const [encoding, what, text] of cases) {
    it(`reads ${what} in ${encoding}`, () => {
      const decoded = decodeBytes(encode(text, encoding));
      // Text equality is the test; where two charsets give the same text either name is right.
      assert.equal(decoded.text, text);
      assert.match(decoded.method, /^chardet/);
    });
  }

  // ë and ç sit at the same bytes in windows-1250, ISO-8859-2 and windows-1252: any of them is right.
  for (const encoding of ['windows-1250', 'iso-8859-2', 'windows-1252']) {
    it(`reads an Albanian line and paragraph in ${encoding}`, () => {
      assert.equal(decodeBytes(encode(ALBANIAN_LINE, encoding)).text, ALBANIAN_LINE);
      assert.equal(decodeBytes(encode(ALBANIAN_PARAGRAPH, encoding)).text, ALBANIAN_PARAGRAPH);
    });
  }

  it('reads a Croatian text quoting curly quotes and a dash in windows-1250', () => {
    const text = '„Ovo je neprihvatljivo“ – rekao je načelnik općine.';
    assert.equal(decodeBytes(encode(text, 'windows-1250')).text, text);
  });

  it('reads a French sentence in windows-1252', () => {
    const text = 'Le président a déclaré que la situation était très tendue à Mitrovica.';
    const decoded = decodeBytes(encode(text, 'windows-1252'));
    assert.equal(decoded.text, text);
    assert.equal(decoded.encoding, 'windows-1252');
  });
});

describe('decodeBytes on short random phrases', () => {
  // Word lists written for this test; phrases of one to eight words drawn with a fixed seed.
  const vocabularies: readonly (readonly [string, readonly string[], string])[] = [
    ['Serbian', ['windows-1251'], 'Полиција је блокирала пут код Јариња министар рекао да ће се ситуација смирити до петка Срби на северу Косова протестују већ трећи дан Њихова кућа изгорела у ноћи Ђорђе Звечан Лепосавић Митровица народ влада одлука мост барикаде возачи чекају граница прелаз кажу људи јуче данас сутра због тога шта ради'],
    ['Russian', ['windows-1251', 'koi8-r'], 'Полиция перекрыла дорогу министр заявил что ситуация стабилизируется к пятнице сербы на севере Косова протестуют третий день вечером начались переговоры граница мост водители ждут вчера сегодня завтра правительство решение люди говорят'],
    ['Croatian', ['windows-1250', 'iso-8859-2'], 'Šef policije u Zvečanu je rekao da će žurno poslati pojačanja Građani su blokirali cestu kod Jarinja ministar situacija smiriti do petka izjavio Kosovo poštovati sporazum žena ozlijeđena Mitrovici šta biti sutra vozači čekaju snijega zatvorili Đorđe Čačak ćuprija noć kuća već treći dan'],
    ['Albanian', ['windows-1250', 'iso-8859-2', 'windows-1252'], 'Kryetari i komunës tha se situata në veri është e qetë Policia e Kosovës ka bllokuar rrugën Jarinjë Çështja targave Ministri Brendshëm qeveria vendimi njerëzit thonë dje sot nesër kufiri ura'],
  ].map(([language, encodings, words]) => [language as string, encodings as string[], words as string]);

  it('reads at least 99% of them right in every encoding', () => {
    let seed = 20240506;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (const [language, encodings, wordList] of vocabularies) {
      const words = wordList.split(' ');
      for (const encoding of encodings) {
        let tried = 0;
        const wrong: string[] = [];
        for (let k = 0; k < 200; k += 1) {
          const length = 1 + Math.floor(random() * 8);
          const phrase = Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
          if (!/[^\x00-\x7f]/.test(phrase)) continue;
          tried += 1;
          const decoded = decodeBytes(iconv.encode(phrase, encoding));
          if (decoded.text !== phrase) wrong.push(`${phrase} -> ${decoded.text} (${decoded.encoding})`);
        }
        assert.ok(wrong.length <= tried / 100, `${language} in ${encoding}: ${wrong.length} of ${tried} wrong: ${wrong.join('; ')}`);
      }
    }
  });
});

describe('decodeBytes on Unicode encodings', () => {
  it('takes valid UTF-8 at once', () => {
    const decoded = decodeBytes(Buffer.from(SERBIAN_CYRILLIC_LINE, 'utf8'));
    assert.deepEqual(decoded, { text: SERBIAN_CYRILLIC_LINE, encoding: 'utf-8', method: 'utf-8 valid' });
  });

  it('takes pure ASCII as UTF-8', () => {
    assert.deepEqual(decodeBytes(Buffer.from('Talks resume in Brussels')), {
      text: 'Talks resume in Brussels',
      encoding: 'utf-8',
      method: 'utf-8 valid',
    });
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CROATIAN_LINE, 'utf8')]);
    assert.deepEqual(decodeBytes(bytes), { text: CROATIAN_LINE, encoding: 'utf-8', method: 'bom' });
  });

  it('reads UTF-16LE and UTF-16BE with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SERBIAN_CYRILLIC_LINE, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SERBIAN_CYRILLIC_LINE, 'utf-16be')]);
    assert.deepEqual(decodeBytes(le), { text: SERBIAN_CYRILLIC_LINE, encoding: 'utf-16le', method: 'bom' });
    assert.deepEqual(decodeBytes(be), { text: SERBIAN_CYRILLIC_LINE, encoding: 'utf-16be', method: 'bom' });
  });

  it('reads UTF-16LE without a byte-order mark from its NUL pattern', () => {
    const text = 'Road reopened near Rudare after two days of blockades, police said on Monday.';
    const decoded = decodeBytes(iconv.encode(text, 'utf-16le'));
    assert.equal(decoded.text, text);
    assert.equal(decoded.encoding, 'utf-16le');
  });

  it('keeps UTF-8 that was cut inside its last character', () => {
    const bytes = Buffer.from('Звечан и Зубин Поток', 'utf8');
    const decoded = decodeBytes(bytes.subarray(0, bytes.length - 1));
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.text, 'Звечан и Зубин Пото\ufffd');
  });

  it('keeps UTF-8 with a stray legacy byte as UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from(SERBIAN_CYRILLIC_PARAGRAPH, 'utf8'), Buffer.from([0x20, 0x96, 0x20])]);
    const decoded = decodeBytes(bytes);
    assert.equal(decoded.encoding, 'utf-8');
    assert.ok(decoded.text.startsWith(SERBIAN_CYRILLIC_PARAGRAPH));
    assert.match(decoded.method, /mostly valid/);
  });

  it('does not mistake a legacy text whose only accented letter ends it for cut-off UTF-8', () => {
    const decoded = decodeBytes(encode('rekao je Ivan Jović', 'windows-1250'));
    assert.equal(decoded.text, 'rekao je Ivan Jović');
  });
});

describe('decodeBytes with declarations', () => {
  it('believes a declared charset that decodes plausibly', () => {
    const decoded = decodeBytes(encode(SERBIAN_CYRILLIC_LINE, 'windows-1251'), { declared: 'windows-1251' });
    assert.deepEqual(decoded, { text: SERBIAN_CYRILLIC_LINE, encoding: 'windows-1251', method: 'declared' });
  });

  it('accepts declared labels in other spellings', () => {
    const decoded = decodeBytes(encode(SERBIAN_CYRILLIC_LINE, 'windows-1251'), { declared: 'CP1251' });
    assert.equal(decoded.method, 'declared');
    assert.equal(decoded.encoding, 'windows-1251');
  });

  it('falls back to detection when a declared UTF-8 is not valid UTF-8', () => {
    const decoded = decodeBytes(encode(SERBIAN_CYRILLIC_PARAGRAPH, 'windows-1251'), { declared: 'utf-8' });
    assert.equal(decoded.text, SERBIAN_CYRILLIC_PARAGRAPH);
    assert.equal(decoded.encoding, 'windows-1251');
    assert.match(decoded.method, /declared utf-8 rejected/);
  });

  it('falls back to detection when a declared Latin-1 would turn Cyrillic into accented Latin', () => {
    const decoded = decodeBytes(encode(SERBIAN_CYRILLIC_PARAGRAPH, 'windows-1251'), { declared: 'iso-8859-1' });
    assert.equal(decoded.text, SERBIAN_CYRILLIC_PARAGRAPH);
    assert.match(decoded.method, /declared windows-1252 rejected/);
  });

  it('falls back when a declared ISO-8859-2 leaves windows-1250 bytes as C1 controls', () => {
    const decoded = decodeBytes(encode(CROATIAN_LINE, 'windows-1250'), { declared: 'iso-8859-2' });
    assert.equal(decoded.text, CROATIAN_LINE);
    assert.equal(decoded.encoding, 'windows-1250');
  });

  it('lets valid UTF-8 win over a declared legacy charset', () => {
    const decoded = decodeBytes(Buffer.from(CROATIAN_LINE, 'utf8'), { declared: 'iso-8859-1' });
    assert.equal(decoded.text, CROATIAN_LINE);
    assert.equal(decoded.encoding, 'utf-8');
  });

  it('finds <meta charset> in an HTML page and uses it', () => {
    const html = `<!doctype html><html><head><meta charset="windows-1251"><title>Вести</title></head><body><p>${SERBIAN_CYRILLIC_LINE}</p></body></html>`;
    const decoded = decodeBytes(encode(html, 'windows-1251'));
    assert.equal(decoded.text, html);
    assert.deepEqual([decoded.encoding, decoded.method], ['windows-1251', 'declared in <meta>']);
  });

  it('finds an http-equiv Content-Type declaration in an HTML page', () => {
    const html = `<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=koi8-r"></head><body>${RUSSIAN_LINE}</body></html>`;
    const decoded = decodeBytes(encode(html, 'koi8-r'));
    assert.equal(decoded.text, html);
    assert.deepEqual([decoded.encoding, decoded.method], ['koi8-r', 'declared in <meta>']);
  });

  it('uses the encoding of an XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${SERBIAN_CYRILLIC_LINE}</title></channel></rss>`;
    const decoded = decodeBytes(encode(xml, 'windows-1251'));
    assert.equal(decoded.text, xml);
    assert.deepEqual([decoded.encoding, decoded.method], ['windows-1251', 'declared in <?xml?>']);
    assert.equal(charsetFromXmlDeclaration(Buffer.from("<?xml version='1.0' encoding='KOI8-R' ?><a/>")), 'KOI8-R');
    assert.equal(charsetFromXmlDeclaration(Buffer.from('<a encoding="x"/>')), undefined);
  });

  it('prefers the HTTP declaration to the page’s own <meta>', () => {
    const html = `<html><head><meta charset="iso-8859-2"></head><body>${CROATIAN_LINE}</body></html>`;
    const decoded = decodeBytes(encode(html, 'windows-1250'), { declared: 'windows-1250' });
    assert.deepEqual([decoded.encoding, decoded.method], ['windows-1250', 'declared']);
  });

  it('ignores a <meta> declaration that contradicts the bytes', () => {
    const html = `<html><head><meta charset="iso-8859-2"></head><body>${CROATIAN_LINE}</body></html>`;
    const decoded = decodeBytes(encode(html, 'windows-1250'));
    assert.equal(decoded.text, html);
    assert.equal(decoded.encoding, 'windows-1250');
  });

  it('obeys a forced encoding over everything else', () => {
    const bytes = encode(RUSSIAN_LINE, 'koi8-r');
    assert.deepEqual(decodeBytes(bytes, { forced: 'KOI8-R', declared: 'windows-1251' }), {
      text: RUSSIAN_LINE,
      encoding: 'koi8-r',
      method: 'forced',
    });
    // Forced even when it is the wrong one: the user asked.
    assert.equal(decodeBytes(bytes, { forced: 'windows-1251' }).encoding, 'windows-1251');
  });

  it('throws a RangeError for a forced encoding it does not know', () => {
    assert.throws(() => decodeBytes(Buffer.from('x'), { forced: 'klingon-8' }), RangeError);
  });
});

describe('charset helpers', () => {
  it('canonicalises encoding labels', () => {
    assert.equal(canonicalEncoding('UTF8'), 'utf-8');
    assert.equal(canonicalEncoding(' Latin2 '), 'iso-8859-2');
    assert.equal(canonicalEncoding('"windows-1251"'), 'windows-1251');
    assert.equal(canonicalEncoding('ISO-8859-1'), 'windows-1252');
    assert.equal(canonicalEncoding('no-such-charset'), null);
    assert.equal(isSupportedEncoding('koi8-r'), true);
    assert.equal(isSupportedEncoding(''), false);
  });

  it('reads the charset parameter of a Content-Type', () => {
    assert.equal(charsetFromContentType('text/html; charset=windows-1251'), 'windows-1251');
    assert.equal(charsetFromContentType('text/html;charset="UTF-8"'), 'UTF-8');
    assert.equal(charsetFromContentType('text/html'), undefined);
    assert.equal(charsetFromContentType(null), undefined);
  });

  it('finds a meta charset only in the first 2 KiB', () => {
    assert.equal(charsetFromHtmlMeta(Buffer.from("<meta charset='koi8-r'>")), 'koi8-r');
    assert.equal(charsetFromHtmlMeta(Buffer.from(`<html>${' '.repeat(3000)}<meta charset="koi8-r">`)), undefined);
    assert.equal(charsetFromHtmlMeta(Buffer.from('plain text mentioning charset=koi8-r')), undefined);
  });
});

describe('decodeBytes on hostile input', () => {
  it('never throws on arbitrary bytes and always returns a named encoding', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.option(fc.constantFrom('utf-8', 'windows-1251', 'iso-8859-2', 'shift_jis', 'bogus')), (bytes, declared) => {
        const decoded = decodeBytes(bytes, declared === null ? {} : { declared });
        assert.equal(typeof decoded.text, 'string');
        assert.ok(decoded.encoding.length > 0);
        assert.ok(decoded.method.length > 0);
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips any text encoded as UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        assert.equal(decodeBytes(Buffer.from(text, 'utf8')).text, text.startsWith('\ufeff') ? text.slice(1) : text);
      }),
    );
  });
});
