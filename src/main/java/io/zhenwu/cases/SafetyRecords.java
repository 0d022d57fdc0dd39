package io.zhenwu.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of the safety loop (检查关、整改关、闭环关) as the pages and the API read them. */
public final class SafetyRecords {

    private SafetyRecords() {
    }

    /** 检查类别: routine, 夜间安全体检, special campaign (电动自行车违规充电整治 …), 汛期. */
    public static final List<String> INSPECTION_KINDS = List.of("ROUTINE", "NIGHT", "CAMPAIGN", "FLOOD");
    /** 隐患类别. */
    public static final List<String> HAZARD_CATEGORIES = List.of("FIRE", "ELECTRICAL", "EBIKE", "COLOR_STEEL", "GEOLOGICAL",
            "CHEMICALS", "OTHER");
    /** 隐患等级: 一般 / 重大. */
    public static final List<String> HAZARD_LEVELS = List.of("GENERAL", "MAJOR");

    /** Evidence stages: when the photo was taken. */
    public static final String FOUND = "FOUND";
    public static final String RECTIFIED = "RECTIFIED";

    public record Inspection(long id, long orgUnitId, Long villageOrgId, Long enterpriseId, Long facilityId, String place,
                             LocalDate inspectedOn, String kind, String campaign, List<String> inspectors, String findings,
                             String createdBy, Instant createdAt) {
    }

    public record Hazard(long caseId, Long inspectionId, String category, String level, Long villageOrgId, String villageName,
                         String location, String description, BigDecimal latitude, BigDecimal longitude, LocalDate foundOn,
                         boolean onTheSpot, boolean enforcementFiled, String enforcementRef, LocalDate enforcementOn) {
    }

    public record Evidence(long id, long caseId, String stage, String fileName, String contentType, long sizeBytes,
                           String sha256, BigDecimal latitude, BigDecimal longitude, String uploadedBy, Instant uploadedAt) {
    }

    public record Notice(long id, long caseId, String caseNumber, String number, Long enterpriseId, String addressee,
                         LocalDate issuedOn, LocalDate deadline, String items, String issuedBy, String state) {
    }

    /** A hazard with its case, for lists and the details page. */
    public record HazardRow(CaseView hazardCase, Hazard hazard, Notice notice) {
    }
}
