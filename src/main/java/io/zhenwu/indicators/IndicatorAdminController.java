package io.zhenwu.indicators;

import io.zhenwu.shared.ConflictException;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.FormErrors;
import io.zhenwu.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * 指标目录与校验规则 for administrators: the catalogue with filters, create and edit forms for an indicator (a
 * formula's error shown on the formula with a caret under its column), and the validation rules (create, edit,
 * deactivate). The forms call the same service methods as the API, so every rule holds the same on both; a stale
 * form answers 409 with the record as it is now beside what the administrator typed.
 */
@Controller
class IndicatorAdminController {

    /** Units offered in the form (the list); any other may be typed. */
    static final List<String> UNITS = List.of("亿元", "万元", "元", "万美元", "%", "人", "家", "个", "亩", "万亩", "吨", "万吨", "天",
            "人次", "μg/m³");

    /** Groups that have a label; groups found in the catalogue are offered too. */
    static final List<String> GROUPS = List.of("ECONOMY", "AGRICULTURE", "ENVIRONMENT");

    private final Indicators indicators;
    private final ValidationRules rules;

    IndicatorAdminController(Indicators indicators, ValidationRules rules) {
        this.indicators = indicators;
        this.rules = rules;
    }

    /** The indicator form: fields as typed (decimals as text, checked on submit). */
    static class IndicatorForm {
        private String code;
        private String nameZh;
        private String nameEn;
        private String groupCode = "ECONOMY";
        private String unit;
        private Indicator.ValueType valueType = Indicator.ValueType.AMOUNT;
        private Indicator.OrgAggregation orgAggregation = Indicator.OrgAggregation.SUM;
        private Indicator.PeriodAggregation periodAggregation = Indicator.PeriodAggregation.SUM;
        private PeriodType periodType = PeriodType.YEAR;
        private String decimals = "2";
        private Indicator.Source source = Indicator.Source.DEPARTMENT;
        private String definition;
        private String ownerOrgCode;
        private String formula;
        private boolean comparableGrowth;
        private boolean active = true;
        private long version;

        static IndicatorForm of(Indicator i) {
            IndicatorForm f = new IndicatorForm();
            f.code = i.code();
            f.nameZh = i.nameZh();
            f.nameEn = i.nameEn();
            f.groupCode = i.groupCode();
            f.unit = i.unit();
            f.valueType = i.valueType();
            f.orgAggregation = i.orgAggregation();
            f.periodAggregation = i.periodAggregation();
            f.periodType = i.periodType();
            f.decimals = String.valueOf(i.decimals());
            f.source = i.source();
            f.definition = i.definition();
            f.ownerOrgCode = i.ownerOrgCode();
            f.formula = i.formula();
            f.comparableGrowth = i.comparableGrowth();
            f.active = i.active();
            f.version = i.version();
            return f;
        }

        /** Decimals as typed; text that is no whole number counts as out of range, reported with the other fields. */
        Integer parsedDecimals() {
            if (decimals == null || decimals.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(decimals.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        Indicators.Draft draft() {
            return new Indicators.Draft(code, nameZh, nameEn, groupCode, unit, valueType, orgAggregation, periodAggregation, periodType,
                    parsedDecimals(), source, definition, ownerOrgCode, formula, comparableGrowth);
        }

        Indicators.Changes changes() {
            // Every editable field is on the form: blank means blank (cleared), not "keep".
            return new Indicators.Changes(nvl(nameZh), nvl(nameEn), nvl(groupCode), nvl(unit), parsedDecimals(), nvl(definition),
                    nvl(ownerOrgCode), nvl(formula), comparableGrowth, active);
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String v) { nameZh = v; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String v) { nameEn = v; }
        public String getGroupCode() { return groupCode; }
        public void setGroupCode(String v) { groupCode = v; }
        public String getUnit() { return unit; }
        public void setUnit(String v) { unit = v; }
        public Indicator.ValueType getValueType() { return valueType; }
        public void setValueType(Indicator.ValueType v) { valueType = v; }
        public Indicator.OrgAggregation getOrgAggregation() { return orgAggregation; }
        public void setOrgAggregation(Indicator.OrgAggregation v) { orgAggregation = v; }
        public Indicator.PeriodAggregation getPeriodAggregation() { return periodAggregation; }
        public void setPeriodAggregation(Indicator.PeriodAggregation v) { periodAggregation = v; }
        public PeriodType getPeriodType() { return periodType; }
        public void setPeriodType(PeriodType v) { periodType = v; }
        public String getDecimals() { return decimals; }
        public void setDecimals(String v) { decimals = v; }
        public Indicator.Source getSource() { return source; }
        public void setSource(Indicator.Source v) { source = v; }
        public String getDefinition() { return definition; }
        public void setDefinition(String v) { definition = v; }
        public String getOwnerOrgCode() { return ownerOrgCode; }
        public void setOwnerOrgCode(String v) { ownerOrgCode = v; }
        public String getFormula() { return formula; }
        public void setFormula(String v) { formula = v; }
        public boolean isComparableGrowth() { return comparableGrowth; }
        public void setComparableGrowth(boolean v) { comparableGrowth = v; }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { version = v; }
    }

    /** The validation rule form; blocking (阻断) or warning (提示). */
    static class RuleForm {
        private String code;
        private String name;
        private String nameEn;
        private String left;
        private String operator = "<=";
        private String right;
        private String importance = ValidationRules.Importance.MEDIUM.name();
        private boolean blocking;
        private PeriodType periodType = PeriodType.YEAR;
        private boolean active = true;
        private long version;

        static RuleForm of(ValidationRules.Rule r) {
            RuleForm f = new RuleForm();
            f.code = r.code();
            f.name = r.name();
            f.nameEn = r.nameEn();
            f.left = r.left();
            f.operator = r.operator();
            f.right = r.right();
            f.importance = r.importance();
            f.blocking = r.blocking();
            f.periodType = r.periodType();
            f.active = r.active();
            f.version = r.version();
            return f;
        }

        ValidationRules.Draft draft() {
            return new ValidationRules.Draft(code, name, nameEn, left, operator, right, importance, blocking, periodType);
        }

        ValidationRules.Changes changes() {
            return new ValidationRules.Changes(nvl(name), nvl(nameEn), nvl(left), nvl(operator), nvl(right), nvl(importance), blocking,
                    periodType, active);
        }

        public String getCode() { return code; }
        public void setCode(String v) { code = v; }
        public String getName() { return name; }
        public void setName(String v) { name = v; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String v) { nameEn = v; }
        public String getLeft() { return left; }
        public void setLeft(String v) { left = v; }
        public String getOperator() { return operator; }
        public void setOperator(String v) { operator = v; }
        public String getRight() { return right; }
        public void setRight(String v) { right = v; }
        public String getImportance() { return importance; }
        public void setImportance(String v) { importance = v; }
        public boolean isBlocking() { return blocking; }
        public void setBlocking(boolean v) { blocking = v; }
        public PeriodType getPeriodType() { return periodType; }
        public void setPeriodType(PeriodType v) { periodType = v; }
        public boolean isActive() { return active; }
        public void setActive(boolean v) { active = v; }
        public long getVersion() { return version; }
        public void setVersion(long v) { version = v; }
    }

    private static String nvl(String s) {
        return s == null ? "" : s;
    }

    @ModelAttribute("valueTypes")
    List<Indicator.ValueType> valueTypes() {
        return Arrays.asList(Indicator.ValueType.values());
    }

    @ModelAttribute("orgAggregations")
    List<Indicator.OrgAggregation> orgAggregations() {
        return Arrays.asList(Indicator.OrgAggregation.values());
    }

    @ModelAttribute("periodAggregations")
    List<Indicator.PeriodAggregation> periodAggregations() {
        return Arrays.asList(Indicator.PeriodAggregation.values());
    }

    @ModelAttribute("periodTypes")
    List<PeriodType> periodTypes() {
        return Arrays.asList(PeriodType.values());
    }

    @ModelAttribute("sources")
    List<Indicator.Source> sources() {
        return Arrays.asList(Indicator.Source.values());
    }

    @ModelAttribute("units")
    List<String> units() {
        return UNITS;
    }

    // ---- the catalogue ----------------------------------------------------------------------------------------------

    @GetMapping("/admin/indicators")
    String list(@RequestParam(required = false) String group, @RequestParam(required = false) Indicator.Source source,
                @RequestParam(required = false) PeriodType periodType, Model model) {
        model.addAttribute("indicators", indicators.search(group, source, periodType));
        model.addAttribute("groups", groups());
        model.addAttribute("group", group == null || group.isBlank() ? null : group.strip());
        model.addAttribute("source", source);
        model.addAttribute("periodType", periodType);
        return "indicators/indicatorList";
    }

    private List<String> groups() {
        Set<String> groups = new LinkedHashSet<>(GROUPS);
        groups.addAll(indicators.groups());
        return List.copyOf(groups);
    }

    @GetMapping("/admin/indicators/new")
    String initCreationForm(Model model) {
        model.addAttribute("form", new IndicatorForm());
        model.addAttribute("groups", groups());
        return "indicators/indicatorForm";
    }

    @PostMapping("/admin/indicators/new")
    String processCreationForm(@ModelAttribute("form") IndicatorForm form, BindingResult result, Model model,
                               RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                Indicator created = indicators.define(form.draft());
                redirect.addFlashAttribute("message", "flash.indicator.defined");
                return "redirect:/admin/indicators?group=" + created.groupCode();
            } catch (InvalidInputException e) {
                reject(result, e, model, form.getFormula());
            }
        }
        model.addAttribute("groups", groups());
        return "indicators/indicatorForm";
    }

    @GetMapping("/admin/indicators/{code}/edit")
    String initUpdateForm(@PathVariable String code, Model model) {
        Indicator indicator = indicators.get(code);
        model.addAttribute("form", IndicatorForm.of(indicator));
        model.addAttribute("indicator", indicator);
        model.addAttribute("groups", groups());
        return "indicators/indicatorEdit";
    }

    @PostMapping("/admin/indicators/{code}/edit")
    String processUpdateForm(@PathVariable String code, @ModelAttribute("form") IndicatorForm form, BindingResult result, Model model,
                             RedirectAttributes redirect, HttpServletResponse response) {
        Indicator indicator = indicators.get(code);
        if (!result.hasErrors()) {
            try {
                indicators.update(code, form.getVersion(), form.changes());
                redirect.addFlashAttribute("message", "flash.indicator.updated");
                return "redirect:/admin/indicators?group=" + indicators.get(code).groupCode();
            } catch (InvalidInputException e) {
                reject(result, e, model, form.getFormula());
            } catch (ConflictException e) {
                // Someone saved in between: keep what was typed, show what is stored now; saving again overwrites it.
                indicator = (Indicator) e.current();
                result.reject("indicator.admin.conflict");
                form.setVersion(indicator.version());
                model.addAttribute("current", indicator);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
        }
        // The identity fields are not editable: show them as stored.
        form.setCode(indicator.code());
        model.addAttribute("indicator", indicator);
        model.addAttribute("groups", groups());
        return "indicators/indicatorEdit";
    }

    /** Puts the violations on the form; a formula error at a column also shows the formula with a caret under it. */
    private static void reject(BindingResult result, InvalidInputException e, Model model, String formula) {
        FormErrors.reject(result, e);
        for (FieldViolation v : e.violations()) {
            if (v.field().equals("formula") && formula != null && v.messageKey().startsWith("indicator.formula") && !v.args().isEmpty()
                    && v.args().get(0) instanceof Integer column && column > 0 && column <= formula.length() + 1) {
                model.addAttribute("formulaCaret", formula + "\n" + " ".repeat(column - 1) + "^");
            }
        }
    }

    // ---- validation rules -------------------------------------------------------------------------------------------

    @ModelAttribute("operators")
    List<String> operators() {
        return ValidationRules.OPERATORS;
    }

    @ModelAttribute("importances")
    List<ValidationRules.Importance> importances() {
        return Arrays.asList(ValidationRules.Importance.values());
    }

    @GetMapping("/admin/validation-rules")
    String rules(Model model) {
        model.addAttribute("rules", rules.catalogue());
        return "indicators/validationRuleList";
    }

    @GetMapping("/admin/validation-rules/new")
    String initRuleCreationForm(Model model) {
        model.addAttribute("form", new RuleForm());
        return "indicators/validationRuleForm";
    }

    @PostMapping("/admin/validation-rules/new")
    String processRuleCreationForm(@ModelAttribute("form") RuleForm form, BindingResult result, RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                rules.define(form.draft());
                redirect.addFlashAttribute("message", "flash.validationRule.defined");
                return "redirect:/admin/validation-rules";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            }
        }
        return "indicators/validationRuleForm";
    }

    @GetMapping("/admin/validation-rules/{code}/edit")
    String initRuleUpdateForm(@PathVariable String code, Model model) {
        ValidationRules.Rule rule = rules.get(code);
        model.addAttribute("form", RuleForm.of(rule));
        model.addAttribute("rule", rule);
        return "indicators/validationRuleEdit";
    }

    @PostMapping("/admin/validation-rules/{code}/edit")
    String processRuleUpdateForm(@PathVariable String code, @ModelAttribute("form") RuleForm form, BindingResult result, Model model,
                                 RedirectAttributes redirect, HttpServletResponse response) {
        ValidationRules.Rule rule = rules.get(code);
        if (!result.hasErrors()) {
            try {
                rules.update(code, form.getVersion(), form.changes());
                redirect.addFlashAttribute("message", "flash.validationRule.updated");
                return "redirect:/admin/validation-rules";
            } catch (InvalidInputException e) {
                FormErrors.reject(result, e);
            } catch (ConflictException e) {
                rule = (ValidationRules.Rule) e.current();
                result.reject("indicator.admin.conflict");
                form.setVersion(rule.version());
                model.addAttribute("current", rule);
                response.setStatus(HttpServletResponse.SC_CONFLICT);
            }
        }
        form.setCode(rule.code());
        model.addAttribute("rule", rule);
        return "indicators/validationRuleEdit";
    }

    /** 停用: the rule stays in the catalogue (and the audit trail), but is no longer checked. */
    @PostMapping("/admin/validation-rules/{code}/deactivate")
    String deactivateRule(@PathVariable String code, @RequestParam long version, RedirectAttributes redirect) {
        try {
            rules.update(code, version, new ValidationRules.Changes(null, null, null, null, null, null, null, null, false));
            redirect.addFlashAttribute("message", "flash.validationRule.deactivated");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("violations", List.of(FieldViolation.of("version", "conflict.stale")));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("violations", new ArrayList<>(e.violations()));
        }
        return "redirect:/admin/validation-rules";
    }
}
