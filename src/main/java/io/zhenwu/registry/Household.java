package io.zhenwu.registry;

/**
 * 户, as the residents make it up: computed in SQL from the residents who share a household number (the members
 * the reader's scope shows), with the address from the {@code household} table where one is recorded.
 *
 * @param headId   the member whose relation is 户主, or null while none is recorded
 * @param members  how many residents the household has
 */
public record Household(String householdNo, long orgUnitId, String orgUnitCode, String orgUnitName, String address,
                        Long headId, String headName, long members) {
}
