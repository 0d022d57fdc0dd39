package io.zhenwu.registry;

/** 设施状态. */
public enum FacilityStatus {
    /** 在用. */
    IN_SERVICE,
    /** 在建. */
    UNDER_CONSTRUCTION,
    /** 停用/拆除. */
    DECOMMISSIONED;

    public String messageKey() {
        return "registry.facility.status." + name();
    }
}
