package io.zhenwu.cases;

import io.zhenwu.shared.Times;
import io.zhenwu.shared.Unscoped;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The registry of loaded case-type versions, so a case's (code, version) always names the definition it ran under. */
@Repository
class CaseTypeRepository {

    private final JdbcClient jdbc;

    CaseTypeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a type version the first time it is loaded; refuses a changed definition under the same version. */
    @Unscoped("case types are configuration, not org-unit data")
    void register(CaseType type, String definition) {
        Optional<String> stored = jdbc.sql("SELECT checksum FROM case_type WHERE code = :c AND version = :v")
                .param("c", type.code()).param("v", type.version()).query(String.class).optional();
        if (stored.isPresent()) {
            if (!stored.get().equals(type.checksum())) {
                throw new CaseTypeParser.CaseTypeException(type.code() + " v" + type.version(),
                        "the definition changed but its version did not; cases opened under v" + type.version()
                                + " follow the stored definition — give the change a new version");
            }
            return;
        }
        jdbc.sql("INSERT INTO case_type (code, version, name_zh, name_en, number_code, checksum, definition, loaded_at) "
                        + "VALUES (:c, :v, :zh, :en, :nc, :sum, :def, :now)")
                .param("c", type.code()).param("v", type.version()).param("zh", type.name().zh()).param("en", type.name().en())
                .param("nc", type.numberCode()).param("sum", type.checksum()).param("def", definition)
                .param("now", OffsetDateTime.ofInstant(Times.now(), Times.ZONE)).update();
    }
}
