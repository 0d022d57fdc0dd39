package io.zhenwu.shared;

import java.util.Set;

/**
 * A validated page request: {@code page} from 0, {@code size} 1–500, {@code sort} one whitelisted column and a
 * direction. Built only through {@link #of}, so a repository never sees an unchecked ORDER BY.
 */
public record PageQuery(int page, int size, String sortColumn, boolean ascending) {

    public static final int MAX_SIZE = 500;

    public long offset() {
        return (long) page * size;
    }

    public String orderBy() {
        return sortColumn + (ascending ? " ASC" : " DESC");
    }

    /**
     * @param sort           "field" or "field,asc|desc"; null for the default
     * @param sortableFields API field name to SQL column, in the order "field=column"
     */
    public static PageQuery of(Integer page, Integer size, String sort, String defaultColumn, Set<String> sortableFields) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new InvalidInputException("page", "validation.page.negative");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "validation.page.size", MAX_SIZE);
        }
        if (sort == null || sort.isBlank()) {
            return new PageQuery(p, s, defaultColumn, true);
        }
        String[] parts = sort.split(",", 2);
        String field = parts[0].trim();
        boolean asc = parts.length < 2 || !"desc".equalsIgnoreCase(parts[1].trim());
        if (parts.length == 2 && !parts[1].trim().matches("(?i)asc|desc")) {
            throw new InvalidInputException("sort", "validation.sort.direction");
        }
        String column = sortableFields.stream()
                .map(f -> f.split("=", 2))
                .filter(f -> f[0].equals(field))
                .map(f -> f.length == 2 ? f[1] : f[0])
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("sort", "validation.sort.field",
                        String.join(", ", sortableFields.stream().map(f -> f.split("=")[0]).sorted().toList())));
        return new PageQuery(p, s, column, asc);
    }
}
