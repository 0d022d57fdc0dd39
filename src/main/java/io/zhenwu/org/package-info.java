/**
 * 组织机构: org units (省/市/县/镇/街道/村/社区/部门/园区) as a tree with a materialized path, division-code rules
 * (GB/T 2260, NBS 12-digit statistical codes, internal codes) and the hierarchy queries every module scopes by.
 * Public API: {@link io.zhenwu.org.OrgUnits}, {@link io.zhenwu.org.OrgUnit}, {@link io.zhenwu.org.OrgUnitType} and
 * the past-tense events.
 */
package io.zhenwu.org;
