import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACLED_COLUMNS, toAcledRows, writeAcledCsv } from './acled-csv.js';
import { exportDoc } from './export-fixtures.js';

test('the columns are the ACLED codebook columns, in order', () => {
  assert.equal(ACLED_COLUMNS.join(','), 'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp');
});

test('only events ACLED would code become rows, with inter codes and the place', () => {
  const rows = toAcledRows([exportDoc()]);
  assert.equal(rows.length, 1);
  assert.deepEqual(
    { ...rows[0] },
    {
      event_id_cnty: 'XK-abcdef0123456789-e1', event_date: '2023-05-29', year: 2023, time_precision: 2,
      disorder_type: 'Strategic developments', event_type: 'Strategic developments', sub_event_type: 'Arrests',
      actor1: 'Police', assoc_actor_1: null, inter1: 1, actor2: 'men', assoc_actor_2: null, inter2: 7, interaction: 17,
      civilian_targeting: null, iso: null, region: 'Europe', country: 'Kosovo', admin1: 'Mitrovica', admin2: null, admin3: null,
      location: 'Zvečan', latitude: 42.9075, longitude: 20.84028, geo_precision: 1, source: 'Example News', source_scale: null,
      notes: 'Police arrested five men in Zvečan. [COERCE/arrest; asserted; doc abcdef0123456789 e1]', fatalities: 0, tags: null, timestamp: 0,
    },
  );
});

test('the CSV has a header and one CRLF record per row', () => {
  let out = '';
  writeAcledCsv([exportDoc()], (chunk) => { out += chunk; });
  const lines = out.split('\r\n');
  assert.equal(lines[0], ACLED_COLUMNS.join(','));
  assert.equal(lines[1], 'XK-abcdef0123456789-e1,2023-05-29,2023,2,Strategic developments,Strategic developments,Arrests,Police,,1,men,,7,17,,,Europe,Kosovo,Mitrovica,,,Zvečan,42.9075,20.84028,1,Example News,,Police arrested five men in Zvečan. [COERCE/arrest; asserted; doc abcdef0123456789 e1],0,,0');
  assert.equal(lines.length, 3);
});
