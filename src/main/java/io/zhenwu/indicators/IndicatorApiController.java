package io.zhenwu.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.org.OrgUnit;
import io.zhenwu.org.OrgUnits;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.NotFoundException;
import io.zhenwu.shared.Role;
import io.zhenwu.shared.Times;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** {@code /api/v1/indicators}, {@code /data-values}, {@code /targets}, {@code /validation-runs}: 指标 for scripts. */
@RestController
@Tag(name = "indicators", description = "指标与目标")
class IndicatorApiController {

    private final Indicators indicators;
    private final DataValues values;
    private final Targets targets;
    private final ValidationRules rules;
    private final OrgUnits orgUnits;

    IndicatorApiController(Indicators indicators, DataValues values, Targets targets, ValidationRules rules, OrgUnits orgUnits) {
        this.indicators = indicators;
        this.values = values;
        this.targets = targets;
        this.rules = rules;
        this.orgUnits = orgUnits;
    }

    record ValuesBody(List<ValueInput> values) {
    }

    record TargetBody(String indicatorCode, String orgUnitCode, Integer year, Target.Comparator comparator, BigDecimal value,
                      String wording, Long version, List<Targets.SplitInput> splits) {
    }

    record ValidationRun(String orgUnitCode, String period) {
    }

    record LockBody(String orgUnitCode, String period) {
    }

    @GetMapping("/api/v1/indicators")
    List<Indicator> catalogue() {
        return indicators.all();
    }

    /** A new indicator; a formula makes it derived (it must parse, name known indicators and close no cycle). */
    record IndicatorBody(String code, String nameZh, String nameEn, String groupCode, String unit, Indicator.ValueType valueType,
                         Indicator.OrgAggregation orgAggregation, Indicator.PeriodAggregation periodAggregation,
                         PeriodType periodType, Integer decimals, Indicator.Source source, String definition, String ownerOrgCode,
                         String formula, Boolean comparableGrowth) {
    }

    @PostMapping("/api/v1/indicators")
    @Operation(summary = "Add an indicator to the catalogue (administrators)")
    ResponseEntity<Indicator> define(@RequestBody IndicatorBody b) {
        Indicator created = indicators.define(new Indicators.Draft(b.code(), b.nameZh(), b.nameEn(), b.groupCode(), b.unit(),
                b.valueType(), b.orgAggregation(), b.periodAggregation(), b.periodType(), b.decimals(), b.source(), b.definition(),
                b.ownerOrgCode(), b.formula(), b.comparableGrowth()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    /** Any editable field; {@code version} is required. */
    record IndicatorPatch(Long version, String nameZh, String nameEn, String groupCode, String unit, Integer decimals,
                          String definition, String ownerOrgCode, String formula, Boolean comparableGrowth, Boolean active) {
    }

    @PatchMapping("/api/v1/indicators/{code}")
    @Operation(summary = "Change an indicator's editable fields (administrators); version required, 409 on a stale one")
    Indicator update(@PathVariable String code, @RequestBody IndicatorPatch p) {
        if (p.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        return indicators.update(code, p.version(), new Indicators.Changes(p.nameZh(), p.nameEn(), p.groupCode(), p.unit(),
                p.decimals(), p.definition(), p.ownerOrgCode(), p.formula(), p.comparableGrowth(), p.active()));
    }

    @PutMapping("/api/v1/data-values")
    @Operation(summary = "Save a batch of values, all or nothing; each carries the version last read (null for new) — 409 on a stale one")
    DataValues.SaveResult save(Actor actor, @RequestBody ValuesBody body) {
        if (body == null || body.values() == null || body.values().isEmpty()) {
            throw new InvalidInputException("values", "indicator.values.empty");
        }
        if (body.values().size() > 5000) {
            throw new InvalidInputException("values", "indicator.values.tooMany", 5000);
        }
        return values.save(actor, body.values());
    }

    @GetMapping("/api/v1/data-values/{id}/revisions")
    List<DataValue.Revision> revisions(DataScope scope, @PathVariable long id) {
        List<DataValue.Revision> revisions = values.revisions(scope, id);
        if (revisions.isEmpty()) {
            throw new NotFoundException("data_value", id);
        }
        return revisions;
    }

    @GetMapping("/api/v1/indicators/{code}/series")
    @Operation(summary = "The indicator for an org unit's subtree per period in [from, to], with year-on-year growth")
    List<DataValues.Point> series(DataScope scope, @PathVariable String code, @RequestParam String org, @RequestParam String from,
                                  @RequestParam String to) {
        Period start = Period.parse("from", from);
        Period end = Period.parse("to", to);
        if (end.compareTo(start) < 0) {
            throw new InvalidInputException("to", "indicator.period.order");
        }
        return values.series(scope, code, org, start, new Period(end.type(), end.end()));
    }

    @GetMapping("/api/v1/indicators/{code}/by-child")
    List<DataValueRepository.ChildAggregate> byChild(DataScope scope, @PathVariable String code, @RequestParam String org,
                                                     @RequestParam String period) {
        return values.byChild(scope, code, org, Period.parse("period", period));
    }

    @GetMapping("/api/v1/rollups")
    @Operation(summary = "Every indicator of the period's frequency for each direct child of the org unit, side by side (one query)")
    java.util.Map<String, List<DataValueRepository.ChildAggregate>> rollup(DataScope scope, @RequestParam String org,
                                                                             @RequestParam String period) {
        return values.rollup(scope, org, Period.parse("period", period));
    }

    @GetMapping("/api/v1/targets/progress")
    @Operation(summary = "The org unit's targets for a year with completion, 序时进度 and status on asOf (default today)")
    List<Targets.Progress> progress(DataScope scope, @RequestParam String org, @RequestParam int year,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return targets.progress(scope, org, year, asOf == null ? LocalDate.now(Times.ZONE) : asOf);
    }

    @PutMapping("/api/v1/targets")
    Target setTarget(Actor actor, @RequestBody TargetBody body) {
        if (body.year() == null) {
            throw new InvalidInputException("year", "indicator.target.year", "—");
        }
        return targets.set(actor, body.indicatorCode(), body.orgUnitCode(), body.year(), body.comparator(), body.value(),
                body.wording(), body.version(), body.splits());
    }

    @PostMapping("/api/v1/validation-runs")
    @Operation(summary = "Run the validation rules for an org unit (its subtree's values) and period; lists violations with values")
    List<ValidationRules.Violation> validate(DataScope scope, @RequestBody ValidationRun body) {
        OrgUnit org = orgUnits.findByCode(scope, body.orgUnitCode())
                .orElseThrow(() -> new InvalidInputException("orgUnitCode", "registry.orgUnit.notFound", body.orgUnitCode()));
        return rules.run(scope, org, Period.parse("period", body.period()));
    }

    /** A new validation rule: both sides are formulas over indicator codes; {@code operator} one of < <= = != >= >. */
    record RuleBody(String code, String name, String nameEn, String left, String operator, String right, String importance,
                    Boolean blocking, PeriodType periodType) {
    }

    /** Any field of a rule but its code; {@code version} is required; {@code "active": false} deactivates it. */
    record RulePatch(Long version, String name, String nameEn, String left, String operator, String right, String importance,
                     Boolean blocking, PeriodType periodType, Boolean active) {
    }

    @GetMapping("/api/v1/validation-rules")
    @Operation(summary = "The validation rules, deactivated ones included (see each rule's active)")
    List<ValidationRules.Rule> validationRules() {
        return rules.catalogue();
    }

    @PostMapping("/api/v1/validation-rules")
    @Operation(summary = "Add a validation rule (administrators); expressions are checked like formulas, 400 with the field")
    ResponseEntity<ValidationRules.Rule> defineRule(@RequestBody RuleBody b) {
        ValidationRules.Rule created = rules.define(new ValidationRules.Draft(b.code(), b.name(), b.nameEn(), b.left(), b.operator(),
                b.right(), b.importance(), b.blocking(), b.periodType()));
        return ResponseEntity.status(HttpStatus.CREATED).body(created);
    }

    @PatchMapping("/api/v1/validation-rules/{id}")
    @Operation(summary = "Change or deactivate a validation rule (id = its code); version required, 409 on a stale one")
    ValidationRules.Rule updateRule(@PathVariable String id, @RequestBody RulePatch p) {
        if (p.version() == null) {
            throw new InvalidInputException("version", "validation.version.required");
        }
        return rules.update(id, p.version(), new ValidationRules.Changes(p.name(), p.nameEn(), p.left(), p.operator(), p.right(),
                p.importance(), p.blocking(), p.periodType(), p.active()));
    }

    @PostMapping("/api/v1/period-locks")
    void lock(Actor actor, @RequestBody LockBody body) {
        values.lock(actor, body.orgUnitCode(), body.period());
    }

    @Configuration(proxyBeanMethods = false)
    static class Rules {
        private static final Role[] READERS = {Role.ADMIN, Role.LEADER, Role.STAFF, Role.CADRE};

        @Bean
        EndpointRules indicatorEndpointRules() {
            return () -> List.of(
                    EndpointRule.roles("GET", "/api/v1/indicators", READERS),
                    EndpointRule.roles("POST", "/api/v1/indicators", Role.ADMIN),
                    EndpointRule.roles("PATCH", "/api/v1/indicators/{code}", Role.ADMIN),
                    EndpointRule.roles("GET", "/api/v1/indicators/**", READERS),
                    EndpointRule.roles("PUT", "/api/v1/data-values", Role.ADMIN, Role.STAFF, Role.CADRE),
                    EndpointRule.roles("GET", "/api/v1/data-values/{id}/revisions", READERS),
                    EndpointRule.roles("GET", "/api/v1/targets/progress", READERS),
                    EndpointRule.roles("GET", "/api/v1/rollups", READERS),
                    EndpointRule.roles("PUT", "/api/v1/targets", Role.ADMIN, Role.LEADER),
                    EndpointRule.roles("POST", "/api/v1/validation-runs", READERS),
                    EndpointRule.roles("GET", "/api/v1/validation-rules", READERS),
                    EndpointRule.roles("POST", "/api/v1/validation-rules", Role.ADMIN),
                    EndpointRule.roles("PATCH", "/api/v1/validation-rules/{id}", Role.ADMIN),
                    EndpointRule.roles(null, "/admin/indicators", Role.ADMIN),
                    EndpointRule.roles(null, "/admin/indicators/**", Role.ADMIN),
                    EndpointRule.roles(null, "/admin/validation-rules", Role.ADMIN),
                    EndpointRule.roles(null, "/admin/validation-rules/**", Role.ADMIN),
                    EndpointRule.roles("POST", "/api/v1/period-locks", Role.ADMIN, Role.LEADER),
                    // 数据填报 is for those who enter values (as PUT /api/v1/data-values); leaders read
                    EndpointRule.roles("GET", "/indicators/entry", Role.ADMIN, Role.STAFF, Role.CADRE),
                    EndpointRule.roles("GET", "/indicators/**", READERS),
                    EndpointRule.roles("POST", "/indicators/**", Role.ADMIN, Role.STAFF, Role.CADRE));
        }
    }
}
