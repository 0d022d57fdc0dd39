package io.zhenwu.registry;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.shared.DataScope;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.List;

/** {@code /api/v1/enterprises/{id}/honours}: an enterprise's honours and certifications. */
@RestController
@Tag(name = "enterprises", description = "企业台账")
class HonourApiController {

    private final Honours honours;

    HonourApiController(Honours honours) {
        this.honours = honours;
    }

    record HonourJson(long id, long enterpriseId, String typeCode, String typeName, HonourLevel level, int awardYear,
                      String issuingBody, String note, Instant createdAt) {
        static HonourJson of(EnterpriseHonour h) {
            return new HonourJson(h.id(), h.enterpriseId(), h.typeCode(), h.typeNameZh(), h.level(), h.awardYear(), h.issuingBody(),
                    h.note(), h.createdAt());
        }
    }

    /** {@code typeCode}: catalogue code or Chinese name; {@code level}: the type's default when absent. */
    record HonourBody(String typeCode, HonourLevel level, Integer awardYear, String issuingBody, String note) {
    }

    @GetMapping("/api/v1/enterprises/{id}/honours")
    @Operation(summary = "An enterprise's honours, newest first")
    List<HonourJson> list(DataScope scope, @PathVariable long id) {
        return honours.ofEnterprise(scope, id).stream().map(HonourJson::of).toList();
    }

    @PostMapping("/api/v1/enterprises/{id}/honours")
    @Operation(summary = "Record an honour (one per enterprise, type and year)")
    ResponseEntity<HonourJson> create(DataScope scope, @PathVariable long id, @RequestBody HonourBody body) {
        EnterpriseHonour created = honours.add(scope, id,
                new HonourDraft(body.typeCode(), body.level(), body.awardYear(), body.issuingBody(), body.note()));
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{honourId}").buildAndExpand(created.id()).toUri();
        return ResponseEntity.created(location).body(HonourJson.of(created));
    }

    @GetMapping("/api/v1/enterprises/{id}/honours/{honourId}")
    HonourJson get(DataScope scope, @PathVariable long id, @PathVariable long honourId) {
        EnterpriseHonour h = honours.get(scope, honourId);
        if (h.enterpriseId() != id) {
            throw new io.zhenwu.shared.NotFoundException("enterprise_honour", honourId);
        }
        return HonourJson.of(h);
    }

    @GetMapping("/api/v1/honour-types")
    @Operation(summary = "The honour catalogue with default levels")
    List<HonourType> types(DataScope scope) {
        return honours.types(true);
    }
}
