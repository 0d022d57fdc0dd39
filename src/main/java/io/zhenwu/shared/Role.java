package io.zhenwu.shared;

/** The roles of DESIGN.md. A user may hold several; data scope comes from the user's org unit, not the role. */
public enum Role {
    /** 系统管理员: org units, users, catalogues. */
    ADMIN,
    /** 镇领导: reads everything in the subtree; dashboards, reports, escalations. */
    LEADER,
    /** 部门工作人员: reads and writes the records of their department or window. */
    STAFF,
    /** 村干部: reads and writes the records of their village or community. */
    CADRE,
    /** 安全检查员: inspections, hazards, notices. */
    INSPECTOR,
    /** 企业用户: their own enterprise only. */
    ENTERPRISE,
    /** 审计员: reads the audit trail, nothing else. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
