package io.zhenwu.audit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AuditHashingTest {

    private static final Instant T0 = Instant.parse("2023-03-01T01:02:03.123456Z");

    private static AuditRecord record(long id) {
        return new AuditRecord(id, T0.plusSeconds(id), "leader", 4L, "/1/2/3/4/", "org_unit.updated", "org_unit",
                String.valueOf(10 + id), "{\"name\":\"空青村\"}", "{\"name\":\"空青村委会\"}", "10.0.0." + id);
    }

    /** Hashes a chain the way the sealer does: each hash over the previous one and the canonical record. */
    private static List<String> chain(List<AuditRecord> records) {
        List<String> hashes = new ArrayList<>();
        String previous = AuditHashing.GENESIS;
        for (AuditRecord r : records) {
            previous = AuditHashing.hash(previous, r);
            hashes.add(previous);
        }
        return hashes;
    }

    /** The record with one component replaced, built through the canonical constructor. */
    private static AuditRecord with(AuditRecord r, int component, Object value) throws Exception {
        RecordComponent[] components = AuditRecord.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = components[i].getAccessor().invoke(r);
            types[i] = components[i].getType();
        }
        args[component] = value;
        return AuditRecord.class.getDeclaredConstructor(types).newInstance(args);
    }

    /** A different value of the same type for each kind of component. */
    private static Object altered(Object value, Class<?> type) {
        if (type == long.class || type == Long.class) {
            return value == null ? 1L : (Long) value + 1;
        }
        if (type == Instant.class) {
            return ((Instant) value).plusNanos(1000);
        }
        return value == null ? "x" : value + " ";
    }

    @Test
    void hashIsSha256HexAndDeterministic() {
        String h = AuditHashing.hash(AuditHashing.GENESIS, record(1));
        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, record(1))).isEqualTo(h);
        assertThat(AuditHashing.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void alteringAnyFieldOfAnyRecordChangesItsHashAndEveryLaterHash() throws Exception {
        List<AuditRecord> records = List.of(record(1), record(2), record(3));
        List<String> original = chain(records);
        assertThat(new HashSet<>(original)).hasSize(3);

        RecordComponent[] components = AuditRecord.class.getRecordComponents();
        assertThat(components).hasSize(11);
        for (int position = 0; position < records.size(); position++) {
            for (int c = 0; c < components.length; c++) {
                Object value = components[c].getAccessor().invoke(records.get(position));
                List<AuditRecord> tampered = new ArrayList<>(records);
                tampered.set(position, with(records.get(position), c, altered(value, components[c].getType())));
                List<String> hashes = chain(tampered);
                for (int later = position; later < records.size(); later++) {
                    assertThat(hashes.get(later))
                            .as("record %d, field %s, hash %d", position, components[c].getName(), later)
                            .isNotEqualTo(original.get(later));
                }
                for (int earlier = 0; earlier < position; earlier++) {
                    assertThat(hashes.get(earlier)).isEqualTo(original.get(earlier));
                }
            }
        }
    }

    @Test
    void aNullFieldDiffersFromAnEmptyOrTheWordNull() throws Exception {
        AuditRecord base = record(1);
        int entityId = 7;
        assertThat(AuditRecord.class.getRecordComponents()[entityId].getName()).isEqualTo("entityId");
        Set<String> canon = new HashSet<>();
        for (Object v : new Object[]{null, "", "null"}) {
            canon.add(AuditHashing.canonical(with(base, entityId, v)));
        }
        assertThat(canon).hasSize(3);
        assertThat(AuditHashing.canonical(with(base, 3, null))).isNotEqualTo(AuditHashing.canonical(with(base, 3, 0L)));
    }

    @Test
    void theHashDependsOnThePreviousHash() {
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, record(1)))
                .isNotEqualTo(AuditHashing.hash("1" + "0".repeat(63), record(1)));
    }

    @Test
    void canonicalFormIsUnambiguousWhenValuesContainSeparators() throws Exception {
        AuditRecord base = record(1);
        // moving a separator (and the text around it) from one field into its neighbour must not yield the same form
        AuditRecord a = with(with(base, 2, "alice\",\"x"), 4, "/1/");
        AuditRecord b = with(with(base, 2, "alice"), 4, "x\",\"/1/");
        assertThat(AuditHashing.canonical(a)).isNotEqualTo(AuditHashing.canonical(b));
        assertThat(AuditHashing.hash(AuditHashing.GENESIS, a)).isNotEqualTo(AuditHashing.hash(AuditHashing.GENESIS, b));

        AuditRecord c = with(with(base, 8, "{\"a\":1},"), 9, "{\"b\":2}");
        AuditRecord d = with(with(base, 8, "{\"a\":1}"), 9, ",{\"b\":2}");
        assertThat(AuditHashing.canonical(c)).isNotEqualTo(AuditHashing.canonical(d));

        AuditRecord e = with(with(base, 5, "a|b"), 6, "c");
        AuditRecord f = with(with(base, 5, "a"), 6, "b|c");
        assertThat(AuditHashing.canonical(e)).isNotEqualTo(AuditHashing.canonical(f));

        // newlines, quotes, backslashes and non-ASCII survive in a form that still parses to the same eleven values
        AuditRecord g = with(base, 8, "line1\nline2 \\ \" 镇务 \u0000");
        var parsed = tools.jackson.databind.json.JsonMapper.builder().build().readTree(AuditHashing.canonical(g));
        assertThat(parsed.isArray()).isTrue();
        assertThat(parsed.size()).isEqualTo(11);
        assertThat(parsed.get(8).asString()).isEqualTo("line1\nline2 \\ \" 镇务 \u0000");
        assertThat(parsed.get(1).asString()).isEqualTo(base.occurredAt().toString());
    }
}
