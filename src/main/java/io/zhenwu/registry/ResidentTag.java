package io.zhenwu.registry;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 标签: what the town's services look a resident up by (救助, 养老, 补贴). Tags are recorded, never derived: 高龄 is
 * set by whoever keeps the list, as the 高龄津贴 roll says, not computed from the birth date. Stored as the names,
 * comma-separated in enum order ({@code MINIMUM_LIVING,ELDERLY}), so the same set is always the same text.
 */
public enum ResidentTag {
    /** 低保. */
    MINIMUM_LIVING("低保"),
    /** 特困. */
    EXTREME_POVERTY("特困"),
    /** 残疾. */
    DISABLED("残疾"),
    /** 高龄. */
    ELDERLY("高龄"),
    /** 种粮农户. */
    GRAIN_FARMER("种粮农户"),
    /** 退役军人. */
    VETERAN("退役军人"),
    /** 独居老人. */
    LIVING_ALONE_ELDERLY("独居老人");

    private final String chinese;

    ResidentTag(String chinese) {
        this.chinese = chinese;
    }

    /** The word on the town's lists, e.g. 低保; imports accept it and exports write it. */
    public String chinese() {
        return chinese;
    }

    public String messageKey() {
        return "registry.resident.tag." + name();
    }

    /** The stored form: names in enum order, comma-separated; null for none. */
    static String toColumn(Collection<ResidentTag> tags) {
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(tags).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<ResidentTag> fromColumn(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(ResidentTag::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ResidentTag.class)));
    }

    /** A tag by its name ({@code DISABLED}) or its Chinese word (残疾), or null. */
    static ResidentTag lookup(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (ResidentTag tag : values()) {
            if (tag.name().equalsIgnoreCase(t) || tag.chinese.equals(t)) {
                return tag;
            }
        }
        return null;
    }

    /** Every tag, for filters and forms. */
    public static List<ResidentTag> all() {
        return List.of(values());
    }
}
