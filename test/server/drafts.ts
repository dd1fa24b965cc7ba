/** Drafts the server tests open: short, in both languages, with findings of several kinds. */

/** An English draft: a misspelt "SEM cluster", a measure with no lead, a partly covered hard environment. */
export const EN_DRAFT = `# Lakeside County hardware SEM cluster plan 2027–2030

## Current situation

Lakeside County has about 300 small hardware firms that make locks and hinges.

## Objectives

By 2030, the cluster's output reaches 12 billion yuan.

## Key measures

- Actively promote cooperation among firms.
- Upgrade the freight rail spur by 2028. Lead: County Transport Bureau. Indicator: 2 new sidings.

## Implementation and monitoring

The county government reviews progress every year.
`;

/** The same kind of draft in Chinese. */
export const ZH_DRAFT = `# 青溪县陶瓷产业集群发展规划（2027—2030年）

## 一、发展现状

青溪县现有陶瓷企业三百余家，主要生产日用陶瓷。

## 二、发展目标

到2030年，集群产值达到100亿元。

## 三、主要任务

- 大力推进企业合作。
- 2028年底前完成铁路专用线改造。牵头单位：县交通运输局。量化指标：新增2条专用线。

## 四、保障措施

县政府每年评估一次实施情况。
`;
