package io.zhenwu.registry;

import io.zhenwu.org.OrgUnits;
import io.zhenwu.registry.RegistryEvents.EnterpriseUpdated;
import io.zhenwu.registry.RegistryEvents.HonourRecorded;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 荣誉/资质: enterprises' honours and the counts the annual report quotes. Bounded by the caller's scope. */
@Service
@Transactional
public class Honours {

    /** The first year an award year may name. */
    static final int FIRST_YEAR = 1949;

    private final HonourRepository repository;
    private final Enterprises enterprises;
    private final OrgUnits orgUnits;
    private final ApplicationEventPublisher events;

    Honours(HonourRepository repository, Enterprises enterprises, OrgUnits orgUnits, ApplicationEventPublisher events) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.orgUnits = orgUnits;
        this.events = events;
    }

    /** Honours of one year by level (全年共获得各级荣誉45项，其中国家级荣誉20项、省级荣誉22项). */
    public record LevelCounts(int year, Map<HonourLevel, Long> byLevel) {
        public long total() {
            return byLevel.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(HonourLevel level) {
            return byLevel.getOrDefault(level, 0L);
        }
    }

    @Transactional(readOnly = true)
    public List<EnterpriseHonour> ofEnterprise(DataScope scope, long enterpriseId) {
        enterprises.get(scope, enterpriseId);
        return repository.findByEnterprise(scope, enterpriseId);
    }

    @Transactional(readOnly = true)
    public EnterpriseHonour get(DataScope scope, long id) {
        return repository.findById(scope, id).orElseThrow(() -> new NotFoundException("enterprise_honour", id));
    }

    /**
     * Honours awarded in {@code year} to enterprises of {@code orgUnitCode}'s subtree (null: the whole scope),
     * counted by level in SQL.
     */
    @Transactional(readOnly = true)
    public LevelCounts countByLevel(DataScope scope, String orgUnitCode, int year) {
        return new LevelCounts(year, repository.countByLevel(scope, orgUnitCode, year));
    }

    /** Streams the honours in scope (of one award year, or all), by enterprise and year, for exports. */
    @Transactional(readOnly = true)
    public void forEach(DataScope scope, Integer year, java.util.function.Consumer<EnterpriseHonour> consumer) {
        repository.export(scope, year, consumer);
    }

    @Transactional(readOnly = true)
    public List<HonourType> types(boolean activeOnly) {
        return repository.types(activeOnly);
    }

    /** Records an honour; one per enterprise, type and year. */
    /** Adds a catalogue entry (administrators; the endpoint rule says so). Codes and Chinese names are unique. */
    public HonourType addType(DataScope scope, String code, String nameZh, String nameEn, HonourLevel defaultLevel) {
        String c = code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
        String zh = EnterpriseRules.strip(nameZh);
        String en = EnterpriseRules.strip(nameEn);
        List<io.zhenwu.shared.FieldViolation> problems = new java.util.ArrayList<>();
        if (c == null || !c.matches("[A-Z][A-Z0-9_]{1,39}")) {
            problems.add(io.zhenwu.shared.FieldViolation.of("code", "registry.honourType.code", c == null ? "" : c));
        }
        if (zh == null || zh.length() > 100) {
            problems.add(io.zhenwu.shared.FieldViolation.of("nameZh", "registry.honourType.name", 100));
        }
        if (en == null || en.length() > 200) {
            problems.add(io.zhenwu.shared.FieldViolation.of("nameEn", "registry.honourType.name", 200));
        }
        if (defaultLevel == null) {
            problems.add(io.zhenwu.shared.FieldViolation.of("defaultLevel", "registry.honourType.levelRequired"));
        }
        if (problems.isEmpty() && repository.typeExists(c, zh)) {
            problems.add(io.zhenwu.shared.FieldViolation.of("code", "registry.honourType.duplicate", c, zh));
        }
        if (!problems.isEmpty()) {
            throw new io.zhenwu.shared.InvalidInputException(problems);
        }
        HonourType type = new HonourType(c, zh, en, defaultLevel, true);
        repository.insertType(type);
        events.publishEvent(new RegistryEvents.HonourTypeAdded(type, scope.path()));
        return type;
    }

    public EnterpriseHonour add(DataScope scope, long enterpriseId, HonourDraft draft) {
        Enterprise enterprise = enterprises.get(scope, enterpriseId);
        List<FieldViolation> problems = new ArrayList<>();
        HonourType type = null;
        String typeText = EnterpriseRules.strip(draft.typeCode());
        if (typeText == null) {
            problems.add(FieldViolation.of("typeCode", "registry.honour.type.required"));
        } else {
            Optional<HonourType> found = repository.type(typeText);
            if (found.isEmpty() || !found.get().active()) {
                problems.add(FieldViolation.of("typeCode", "registry.honour.type.unknown", typeText));
            } else {
                type = found.get();
            }
        }
        problems.addAll(checkYear(draft.awardYear()));
        String body = EnterpriseRules.strip(draft.issuingBody());
        String note = EnterpriseRules.strip(draft.note());
        if (body != null && body.length() > 200) {
            problems.add(FieldViolation.of("issuingBody", "registry.text.tooLong", 200));
        }
        if (note != null && note.length() > 500) {
            problems.add(FieldViolation.of("note", "registry.text.tooLong", 500));
        }
        if (problems.isEmpty() && repository.exists(enterpriseId, type.code(), draft.awardYear())) {
            problems.add(FieldViolation.of("typeCode", "registry.honour.duplicate", type.nameZh(), String.valueOf(draft.awardYear())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        HonourLevel level = draft.level() == null ? type.defaultLevel() : draft.level();
        long id = repository.insert(enterprise, type, level, draft.awardYear(), body, note);
        EnterpriseHonour created = get(scope, id);
        events.publishEvent(new HonourRecorded(created, scopePathOf(scope, enterprise)));
        return created;
    }

    /** A corrected credit code re-keys the enterprise's honours (the import key starts with it). */
    @EventListener
    void enterpriseUpdated(EnterpriseUpdated event) {
        if (!event.before().creditCode().equals(event.after().creditCode())) {
            repository.rekey(event.after().id(), event.after().creditCode());
        }
    }

    static List<FieldViolation> checkYear(Integer year) {
        if (year == null) {
            return List.of(FieldViolation.of("awardYear", "registry.honour.year.required"));
        }
        int current = LocalDate.now(Times.ZONE).getYear();
        if (year < FIRST_YEAR || year > current) {
            return List.of(FieldViolation.of("awardYear", "registry.honour.year.range", String.valueOf(year),
                    String.valueOf(FIRST_YEAR), String.valueOf(current)));
        }
        return List.of();
    }

    /** The audit record belongs to the enterprise's unit, so auditors of that unit read it. */
    private String scopePathOf(DataScope scope, Enterprise e) {
        return orgUnits.scopeOf(e.orgUnitId()).map(DataScope::path).orElse(scope.path());
    }
}
