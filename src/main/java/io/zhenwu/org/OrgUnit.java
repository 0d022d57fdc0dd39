package io.zhenwu.org;

import java.time.Instant;

/**
 * 组织机构单元: one node of the org tree.
 *
 * @param path    materialized path of ids, {@code /1/2/3/}; a subtree is every unit whose path starts with it
 * @param version optimistic-lock version, echoed back on every update
 */
public record OrgUnit(long id, Long parentId, String path, int depth, String code, String name, OrgUnitType type,
                      boolean active, boolean demoCode, long version, Instant createdAt, Instant updatedAt) {
}
