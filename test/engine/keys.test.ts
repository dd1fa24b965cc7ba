import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { patternFollowers, patternGap, patternKeying, patternKeys, patternPrefixes } from '../../engine/pack/keys';

describe('the keys a lexicon pattern is filed under', () => {
  test('are the first three letters of each word an English match can begin with', () => {
    assert.deepEqual(patternKeys('transport\\w*', 'en'), ['tra']);
    assert.deepEqual(patternKeys('(rail|road) freight', 'en')?.sort(), ['rai', 'roa']);
    assert.deepEqual(patternKeys('(?:key |priority )?actions?', 'en')?.sort(), ['act', 'key', 'pri']);
    assert.deepEqual(patternKeys('R&D', 'en'), ['r']);
    assert.deepEqual(patternKeys('e-?commerce', 'en')?.sort(), ['e', 'eco']);
  });

  test('are the first two characters of a Chinese match, or one when the second is open', () => {
    assert.deepEqual(patternKeys('(产业|工业|创业)园区', 'zh')?.sort(), ['产业', '创业', '工业']);
    assert.deepEqual(patternKeys('[县市区]\\S{0,8}?中心', 'zh')?.sort(), ['区', '县', '市']);
  });

  test('are unknown where a match can begin anywhere, so the pattern scans the text', () => {
    assert.equal(patternKeys('\\w+ing', 'en'), undefined);
    assert.equal(patternKeys('co\\w*', 'en'), undefined);
    assert.equal(patternKeys('.{2}中心', 'zh'), undefined);
  });

  test('keep a short whole word beside a longer prefix it begins, since they are filed apart', () => {
    assert.deepEqual(patternPrefixes('(collaborative|co-operative) research', 'en')?.sort(), ['co', 'collaborative']);
  });

  test('know the second word of an English match when every match has one', () => {
    assert.deepEqual(patternFollowers('(business|firm) (networks?|clusters?)')?.sort(), ['clu', 'net']);
    assert.deepEqual(patternFollowers("region's brand"), ['s']);
    assert.deepEqual(patternFollowers('R&D'), ['d']);
    assert.deepEqual(patternFollowers('clusters? of (smes|firms)'), ['of']);
    // A match may be one word, or its second word is open: no second key.
    assert.equal(patternFollowers('road[ -]?maps?'), undefined);
    assert.equal(patternFollowers('innovat\\w* (hubs?|centres?)'), undefined);
    assert.deepEqual(patternFollowers('(on )?the road')?.sort(), ['roa', 'the']);
  });

  test('know when the prefixes are the whole matches, so no expression needs to run', () => {
    assert.equal(patternKeying('(企业|行业|商会)', 'zh').literal, true);
    assert.equal(patternKeying('associations?', 'en').literal, true);
    // 企业 begins 企业家: without word edges, which one matches is the expression's choice.
    assert.equal(patternKeying('(企业|企业家)', 'zh').literal, undefined);
    assert.equal(patternKeying('value chains?', 'en').literal, undefined);
    assert.equal(patternKeying('(?<!与)企业', 'zh').literal, undefined);
  });

  test('know how close after a Chinese match start the words after a short gap must stand', () => {
    assert.deepEqual(patternGap('企业[^。;,]{0,6}(合作|协作)(交流|共赢|发展)'), { within: 8, chars: '合协' });
    assert.deepEqual(patternGap('(企业|行业协会|商会)[^。;]{0,10}(意见|建议|诉求)'), { within: 14, chars: '意建诉' });
    assert.equal(patternGap('(产业|工业)园区'), undefined);
    assert.equal(patternGap('企业[^。;,]*合作'), undefined);
  });
});
