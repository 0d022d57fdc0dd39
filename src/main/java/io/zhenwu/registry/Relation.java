package io.zhenwu.registry;

import java.util.List;

/** 与户主关系, as the 户口簿 records it. */
public enum Relation {
    /** 户主. */
    HEAD("户主", "本人"),
    /** 配偶. */
    SPOUSE("配偶", "妻", "夫"),
    /** 子女. */
    CHILD("子女", "子", "女", "儿子", "女儿"),
    /** 父母. */
    PARENT("父母", "父亲", "母亲", "父", "母"),
    /** 其他. */
    OTHER("其他");

    private final List<String> names;

    Relation(String... names) {
        this.names = List.of(names);
    }

    /** The Chinese names an import accepts, the 户口簿 word first (exports write it). */
    public List<String> names() {
        return names;
    }

    /** The message key of the label: {@code registry.resident.relation.HEAD} = 户主. */
    public String messageKey() {
        return "registry.resident.relation." + name();
    }
}
