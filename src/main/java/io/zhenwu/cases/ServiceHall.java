package io.zhenwu.cases;

import io.zhenwu.registry.Masking;
import io.zhenwu.registry.ResidentId;
import io.zhenwu.registry.CreditCode;
import io.zhenwu.registry.Parsed;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.FieldViolation;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 政务服务中心: the matter catalogue (事项清单), windows (incl. 进驻窗口 of 广电/公安/不动产), 一件事一次办 bundles and
 * 帮办代办 items, and accepting a matter at a window as a case of type {@code service_matter} on the one engine.
 */
@Service
@Transactional
public class ServiceHall {

    /** 公共服务 / 行政审批 / 其他行政权力. */
    public static final List<String> CATEGORIES = List.of("公共服务", "行政审批", "其他行政权力");

    /** 即办件 (completed on the spot) or 承诺件 (with a promised limit). */
    public enum MatterKind { IMMEDIATE, PROMISED }

    public record Window(String code, String name, long orgUnitId, boolean residentAgency, String agencyName) {
    }

    public record Matter(String code, String name, String category, MatterKind kind, Integer legalDays, int promisedDays,
                         long orgUnitId, String windowCode, String materials) {
    }

    public record Bundle(String code, String name, int promisedDays, List<String> matterCodes) {
    }

    public record AssistanceItem(String code, String name, String stage, int promisedDays) {
    }

    /** An application at a window: the applicant by resident ID or credit code (validated, stored masked), or by name. */
    public record Application(String matterCode, String windowCode, ApplicantKind applicantKind, String applicantName,
                              String applicantId, String title, String comment) {
    }

    private final ServiceHallRepository repository;
    private final Cases cases;
    private final WorkingCalendar calendar;

    ServiceHall(ServiceHallRepository repository, Cases cases, WorkingCalendar calendar) {
        this.repository = repository;
        this.cases = cases;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public List<Window> windows() {
        return repository.windows();
    }

    @Transactional(readOnly = true)
    public List<Matter> matters() {
        return repository.matters();
    }

    @Transactional(readOnly = true)
    public List<Bundle> bundles() {
        return repository.bundles();
    }

    @Transactional(readOnly = true)
    public List<AssistanceItem> assistanceItems() {
        return repository.assistanceItems();
    }

    /** Catalogue set-up (administrators, the demo). */
    public void defineWindow(Window w) {
        repository.insertWindow(w);
    }

    public void defineMatter(Matter m) {
        if (!CATEGORIES.contains(m.category())) {
            throw new InvalidInputException("category", "service.matter.category", String.join(" / ", CATEGORIES));
        }
        repository.insertMatter(m);
    }

    public void defineBundle(Bundle b) {
        repository.insertBundle(b);
    }

    public void defineAssistanceItem(AssistanceItem i) {
        repository.insertAssistanceItem(i);
    }

    /**
     * Whether a moment is outside the hall's normal hours: the lunch break 12:00–13:30 (午间不断档), a day that is not
     * a working day (周六不打烊), or before 08:30 / from 17:30.
     */
    public boolean outOfHours(Instant at) {
        ZonedDateTime t = at.atZone(Times.ZONE);
        LocalTime time = t.toLocalTime();
        if (!calendar.isWorkingDay(t.toLocalDate())) {
            return true;
        }
        return !time.isBefore(LocalTime.of(12, 0)) && time.isBefore(LocalTime.of(13, 30))
                || time.isBefore(LocalTime.of(8, 30)) || !time.isBefore(LocalTime.of(17, 30));
    }

    /** 受理: opens a {@code service_matter} case with the matter's limits at the window's department. */
    public CaseView accept(Actor actor, Application a) {
        return cases.open(actor, newCase(a, null, Times.now()));
    }

    /** 一件事一次办: one parent case and a sub-case per matter of the bundle; the bundle completes with its last sub-case. */
    public CaseView acceptBundle(Actor actor, String bundleCode, Application a) {
        Bundle bundle = repository.bundles().stream().filter(b -> b.code().equals(bundleCode)).findFirst()
                .orElseThrow(() -> new InvalidInputException("bundleCode", "service.bundle.unknown", bundleCode));
        Window window = repository.window(a.windowCode())
                .orElseThrow(() -> new InvalidInputException("windowCode", "service.window.unknown", a.windowCode()));
        Instant now = Times.now();
        Applicant applicant = applicant(a);
        CaseView parent = cases.open(actor, new Cases.NewCase("service_bundle", window.orgUnitId(), "公共服务", bundle.code(), bundle.name(),
                bundle.name(), window.code(), outOfHours(now), a.applicantKind(), null, applicant.name(), applicant.maskedId(), null, null,
                null, bundle.promisedDays(), null, a.comment()));
        for (String matter : bundle.matterCodes()) {
            cases.open(actor, newCase(new Application(matter, a.windowCode(), a.applicantKind(), a.applicantName(), a.applicantId(),
                    null, null), parent.id(), now));
        }
        return cases.get(actor, parent.id());
    }

    Cases.NewCase newCase(Application a, Long parentId, Instant at) {
        List<FieldViolation> problems = new ArrayList<>();
        Matter matter = a.matterCode() == null ? null : repository.matter(a.matterCode()).orElse(null);
        if (matter == null) {
            problems.add(FieldViolation.of("matterCode", "service.matter.unknown", String.valueOf(a.matterCode())));
        }
        Window window = a.windowCode() == null ? null : repository.window(a.windowCode()).orElse(null);
        if (window == null) {
            problems.add(FieldViolation.of("windowCode", "service.window.unknown", String.valueOf(a.windowCode())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Applicant applicant = applicant(a);
        String title = a.title() == null || a.title().isBlank() ? matter.name() : a.title();
        return new Cases.NewCase("service_matter", window.orgUnitId(), matter.category(), matter.code(), matter.name(), title,
                window.code(), outOfHours(at), a.applicantKind(), null, applicant.name(), applicant.maskedId(), null, null, parentId,
                matter.kind() == MatterKind.IMMEDIATE ? 0 : matter.promisedDays(), matter.legalDays(), a.comment());
    }

    private record Applicant(String name, String maskedId) {
    }

    /** Checks the ID's check digit (GB 11643 / GB 32100) and keeps only the masked form on the case. */
    private static Applicant applicant(Application a) {
        if (a.applicantKind() == null) {
            throw new InvalidInputException("applicantKind", "case.applicant.kindRequired");
        }
        String id = a.applicantId() == null || a.applicantId().isBlank() ? null : a.applicantId().strip();
        String masked = null;
        if (id != null && a.applicantKind() == ApplicantKind.RESIDENT) {
            Parsed<ResidentId> parsed = ResidentId.parse("applicantId", id);
            masked = Masking.residentId(parsed.orElseThrow().value());
        } else if (id != null && a.applicantKind() == ApplicantKind.ENTERPRISE) {
            masked = CreditCode.parse("applicantId", id).orElseThrow().value();
        }
        String name = a.applicantName() == null ? null : a.applicantName().strip();
        return new Applicant(a.applicantKind() == ApplicantKind.RESIDENT && name != null ? Masking.name(name) : name, masked);
    }
}
