package io.zhenwu.registry;

/** 性别, as the 公民身份号码 records it: the 17th digit is odd for 男, even for 女. */
public enum Gender {
    /** 男. */
    MALE,
    /** 女. */
    FEMALE;

    /** The message key of the label: {@code registry.gender.MALE} = 男. */
    public String messageKey() {
        return "registry.gender." + name();
    }
}
