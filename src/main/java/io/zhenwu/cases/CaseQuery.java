package io.zhenwu.cases;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Filters of a case list. Every filter is a bound parameter; {@code orgPath} narrows to a subtree inside the
 * caller's scope, {@code closed} keeps only closed (true) or still running (false, paused included) cases, {@code enterpriseId} is set by the service for enterprise users and cannot be widened.
 */
public record CaseQuery(String type, String state, CaseType.StateKind stateKind, String category, String channel,
                        String subject, String orgPath, LocalDate from, LocalDate to, Boolean overdue, Long enterpriseId,
                        String text, Long parentId, Boolean topLevel, Boolean closed) {

    public static final Set<String> SORTABLE = Set.of("number=c.case_number", "openedAt=c.opened_at", "dueOn=c.due_on",
            "state=c.state", "type=c.type_code", "id=c.id");

    public static CaseQuery all() {
        return new CaseQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public CaseQuery withEnterprise(Long id) {
        return new CaseQuery(type, state, stateKind, category, channel, subject, orgPath, from, to, overdue, id, text, parentId, topLevel, closed);
    }

    void appendFilters(StringBuilder where, Map<String, Object> params) {
        add(where, params, "c.type_code = :type", "type", type);
        add(where, params, "c.state = :state", "state", state);
        add(where, params, "c.state_kind = :kind", "kind", stateKind == null ? null : stateKind.name());
        add(where, params, "c.category = :category", "category", category);
        add(where, params, "c.channel_code = :channel", "channel", channel);
        add(where, params, "c.subject_code = :subject", "subject", subject);
        add(where, params, "c.opened_on >= :from", "from", from);
        add(where, params, "c.opened_on <= :to", "to", to);
        add(where, params, "c.overdue = :overdue", "overdue", overdue);
        if (enterpriseId != null) {
            params.put("ent", enterpriseId); // the scope clause uses it (see CaseRepository.scopeClause)
        }
        add(where, params, "c.parent_id = :parent", "parent", parentId);
        if (closed != null) {
            where.append(closed ? " AND c.state_kind = 'CLOSED'" : " AND c.state_kind <> 'CLOSED'");
        }
        if (Boolean.TRUE.equals(topLevel)) {
            where.append(" AND c.parent_id IS NULL");
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (c.case_number = :exact OR c.title LIKE :text OR c.applicant_name LIKE :text)");
            params.put("exact", text.strip());
            params.put("text", "%" + text.strip().replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
    }

    private static void add(StringBuilder where, Map<String, Object> params, String clause, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            where.append(" AND ").append(clause);
            params.put(name, value);
        }
    }
}
