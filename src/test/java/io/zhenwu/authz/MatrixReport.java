package io.zhenwu.authz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the matrix as it ran to {@code target/authorization-matrix.md}: one row per endpoint, one column per
 * principal, each cell the status answered (per probe: {@code in} / {@code out} of scope), differences marked ✗ with
 * what was declared.
 */
final class MatrixReport {

    static final Path FILE = Path.of("target", "authorization-matrix.md");

    private MatrixReport() {
    }

    static void write(List<MatrixDeclaration.Row> rows, List<String> principals, List<MatrixCell> cells,
                      List<String> problems, long millis) {
        Map<String, List<MatrixCell>> byEndpointAndPrincipal = cells.stream().collect(Collectors.groupingBy(
                c -> c.row().key() + "\t" + c.principal(), LinkedHashMap::new, Collectors.toList()));
        StringBuilder md = new StringBuilder("# Authorization matrix\n\n")
                .append(rows.size()).append(" endpoints × ").append(principals.size()).append(" principals, ")
                .append(cells.size()).append(" requests in ").append(millis).append(" ms. Declared in `src/test/resources/")
                .append("io/zhenwu/authz/").append(MatrixDeclaration.RESOURCE).append("`; cells: status answered, ")
                .append("`in`/`out` = a record in / out of the principal's scope, ✗ = differs from the declaration.\n\n");
        md.append("## Differences\n\n");
        if (problems.isEmpty()) {
            md.append("none\n");
        }
        problems.forEach(p -> md.append("- ").append(p.replace("|", "\\|")).append('\n'));
        md.append("\n## Matrix\n\n| endpoint | who | ").append(String.join(" | ", principals)).append(" |\n|---|---|")
                .append("---|".repeat(principals.size())).append('\n');
        for (MatrixDeclaration.Row row : rows) {
            md.append("| `").append(row.key()).append("` | ").append(row.who()).append(" |");
            for (String principal : principals) {
                List<MatrixCell> mine = byEndpointAndPrincipal.getOrDefault(row.key() + "\t" + principal, List.of());
                md.append(' ').append(mine.stream().map(MatrixCell::summary).collect(Collectors.joining(" · "))).append(" |");
            }
            md.append('\n');
        }
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, md, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
