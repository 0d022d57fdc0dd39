package io.zhenwu.cases;

import org.springframework.stereotype.Component;

import java.util.Locale;

/** Names of case types, states, transitions and service windows in the reader's language, for templates ({@code @caseLabels}). */
@Component("caseLabels")
public class CaseLabels {

    private final CaseTypes types;
    private final org.springframework.context.MessageSource messages;

    private final ServiceHallRepository hall;

    CaseLabels(CaseTypes types, org.springframework.context.MessageSource messages, ServiceHallRepository hall) {
        this.types = types;
        this.messages = messages;
        this.hall = hall;
    }

    /** A service window by its name ({@code 综合受理窗口}) rather than its code; {@code —} for none. */
    public String window(String code) {
        if (code == null) {
            return "—";
        }
        return hall.windows().stream().filter(w -> w.code().equals(code)).map(ServiceHall.Window::name).findFirst().orElse(code);
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
