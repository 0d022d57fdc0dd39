package io.zhenwu.cases;

import org.springframework.stereotype.Component;

import java.util.Locale;

/** Names of case types, states and transitions in the reader's language, for templates ({@code @caseLabels}). */
@Component("caseLabels")
public class CaseLabels {

    private final CaseTypes types;
    private final org.springframework.context.MessageSource messages;

    CaseLabels(CaseTypes types, org.springframework.context.MessageSource messages) {
        this.types = types;
        this.messages = messages;
    }

    public String type(String code, Locale locale) {
        return types.exists(code) ? types.current(code).name().in(locale) : code;
    }

    public String state(String typeCode, int version, String state, Locale locale) {
        CaseType.State s = types.get(typeCode, version).state(state);
        return s == null ? state : s.name().in(locale);
    }

    public String transition(String typeCode, int version, String transition, Locale locale) {
        if ("open".equals(transition)) {
            return messages.getMessage("case.timeline.opened", null, locale);
        }
        return types.get(typeCode, version).transition(transition).map(t -> t.label().in(locale)).orElse(transition);
    }
}
