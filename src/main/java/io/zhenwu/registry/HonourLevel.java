package io.zhenwu.registry;

/** 荣誉级别, from the awarding government's level. */
public enum HonourLevel {
    /** 国家级. */
    NATIONAL,
    /** 省级. */
    PROVINCIAL,
    /** 市级 (设区的市, e.g. 镇江市). */
    MUNICIPAL,
    /** 县级 (县、县级市, e.g. 句容市). */
    COUNTY;

    public String messageKey() {
        return "registry.honour.level." + name();
    }
}
