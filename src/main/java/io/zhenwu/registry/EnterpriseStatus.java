package io.zhenwu.registry;

/** 经营状态. */
public enum EnterpriseStatus {
    /** 在营. */
    OPERATING,
    /** 停业. */
    SUSPENDED,
    /** 注销/吊销. */
    CLOSED;

    public String messageKey() {
        return "registry.enterprise.status." + name();
    }
}
