/**
 * 办件引擎: ONE case engine for every closed loop of the town — service-hall matters, enterprise assistance, safety
 * hazards, labor disputes, farmland plots. A case type is data (YAML under {@code cases/types/}, versioned): states
 * with a kind (open / paused / closed), transitions (who may fire them, required fields, "a different person than
 * whoever fired X"), time limits in working days on the Chinese calendar and escalation (督办) when overdue. A case
 * is numbered without gaps per town, type and year, and keeps a timeline of every transition.
 */
package io.zhenwu.cases;
