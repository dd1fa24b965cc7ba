/** Fixture drafts and trees for the CLI tests, written here so each test shows what it lints. */
import type { Fixture } from './harness';

/** An English draft with a measures section: one measure complete, two without owner or deadline. */
export const LAKESIDE = `# Lakeside County hardware cluster plan 2027–2030

## Situation

Lakeside County hosts 1,200 hardware SMEs. Rail freight and transport links are weak, and
serviced industrial land is scarce.

## Objectives

- Raise cluster exports by 20% by 2030.

## Measures

- Upgrade the county's freight rail spur (Lead: County Transport Bureau; by 2028; indicator: two freight trains a day).
- Strengthen cooperation among enterprises as appropriate.
- Build a shared testing centre.

## Implementation

The County Economic Bureau reviews progress every year.
`;

/** A Chinese draft: 青溪县陶瓷产业集群发展规划. */
export const QINGXI = `# 青溪县陶瓷产业集群发展规划

## 一、发展现状

青溪县有陶瓷企业三百余家，交通和基础设施较为薄弱。

## 二、发展目标

到2030年，集群产值达到200亿元。

## 三、保障措施

（一）加强企业间合作，积极推进品牌建设。

（二）建设陶瓷检测中心。
`;

/** A repository with drafts, an ignored archive, node_modules and a file that is not a draft. */
export function project(extra: Fixture = {}): Fixture {
  return {
    '.git/': '',
    '.gitignore': 'archive/\n',
    'drafts/lakeside.md': LAKESIDE,
    'drafts/zh/qingxi.md': QINGXI,
    'archive/2019-plan.md': LAKESIDE,
    'node_modules/some-package/README.md': LAKESIDE,
    'notes.txt': 'not a draft',
    ...extra,
  };
}

/** The first bytes of a PDF: what a drafter gets when exporting a draft from an office suite. */
export const PDF_BYTES = new Uint8Array([
  0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0x00, 0x01,
]);
