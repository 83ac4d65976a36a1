import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName } from './fold-name.js';
import { sharedGazetteer } from './gazetteer.js';

const g = sharedGazetteer();
const names = (name: string): string[] => g.lookup(foldName(name)).map((i) => `${g.entry(i).name}/${g.entry(i).country}`);

test('GeoNames towns are found under their native and transliterated names', () => {
  for (const [query, expected] of [['Zvechan', 'Zvečan/XK'], ['Belgrade', 'Belgrade/RS'], ['Приштина', 'Pristina/XK'], ['Leposavić', 'Leposaviq/XK']] as const) {
    assert.ok(names(query).includes(expected), `${query}: ${names(query).join(', ')}`);
  }
});

test('the supplement adds what GeoNames lacks', () => {
  for (const [query, expected] of [['Jarinje', 'Jarinje/XK'], ['Brnjak', 'Brnjak/XK'], ['Rudare', 'Rudare/XK'], ['Zhitkovac', 'Žitkovac/XK'], ['Kosovska Mitrovica', 'North Mitrovica/XK']] as const) {
    assert.ok(names(query).includes(expected), `${query}: ${names(query).join(', ')}`);
  }
});

test('countries, Kosovo as XK, and US states are entries of their own', () => {
  assert.equal(g.country('XK')?.name, 'Kosovo');
  assert.ok(names('Kosovo and Metohija').includes('Kosovo/XK'));
  assert.ok(names('Georgia').includes('Georgia/GE') && names('Georgia').includes('Georgia/US'));
  assert.equal(g.admin1('US', 'LA')?.name, 'Louisiana');
});

test('demonyms are kept apart from names', () => {
  assert.deepEqual(g.lookupDemonym('serbian').map((i) => g.entry(i).country), ['RS']);
  assert.ok(!names('Serbian').includes('Serbia/RS'));
  // A short people-name the endings miss is a demonym too ("the Serb population").
  assert.deepEqual(g.lookupDemonym('serb').map((i) => g.entry(i).country), ['RS']);
  assert.ok(!names('Serb').includes('Serbia/RS'));
});

test('entries carry GeoNames ids, features and admin codes', () => {
  const zvecan = g.entry(g.lookup('zvecan').find((i) => g.entry(i).country === 'XK')!);
  assert.equal(zvecan.geonameid, 783770);
  assert.equal(zvecan.feature, 'town');
  assert.ok(Math.abs(zvecan.lat - 42.9075) < 0.001);
});

test('US counties, English counties and provinces worldwide are entries, a county bare name only a loose key', () => {
  assert.ok(names('Laurel County').includes('Laurel County/US'));
  assert.ok(names('Rapides Parish').includes('Rapides Parish/US'));
  assert.ok(names('Lancashire').includes('Lancashire/GB'));
  assert.ok(names('Tamil Nadu').includes('Tamil Nadu/IN'));
  assert.ok(!names('Vanderburgh').some((n) => n.startsWith('Vanderburgh County')));
  assert.ok(g.lookupLoose(foldName('Vanderburgh')).map((i) => g.entry(i).name).includes('Vanderburgh County'));
  assert.deepEqual(g.lookupDemonym('texan').map((i) => g.entry(i).name), ['Texas']);
});
