package io.zhenwu.shared;

/** Grants that are not roles: given to individual users by an administrator. */
public enum Permission {
    /** 查看敏感个人信息: see resident ID numbers and phone numbers unmasked (each use is audited). */
    VIEW_PERSONAL_DATA
}
