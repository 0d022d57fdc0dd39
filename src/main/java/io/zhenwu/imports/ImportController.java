package io.zhenwu.imports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.zhenwu.shared.Actor;
import io.zhenwu.shared.DataScope;
import io.zhenwu.shared.EndpointRule;
import io.zhenwu.shared.EndpointRules;
import io.zhenwu.shared.InvalidInputException;
import io.zhenwu.shared.PageQuery;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Pages and API of the pipeline: upload, progress, result, error report, templates and exports. */
final class ImportController {

    private static final Set<String> NOT_FILTERS = Set.of("format", "unmasked", "page", "size", "sort", "_csrf");

    private ImportController() {
    }

    static Map<String, String> filters(Map<String, String> parameters) {
        Map<String, String> filters = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (!NOT_FILTERS.contains(k) && v != null && !v.isBlank()) {
                filters.put(k, v);
            }
        });
        return filters;
    }

    static void attachment(HttpServletResponse response, String fileName, String contentType) {
        response.setContentType(contentType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
    }

    static InputStream content(MultipartFile file) {
        if (file == null || file.isEmpty() && file.getOriginalFilename() == null) {
            throw new InvalidInputException("file", "import.file.missing");
        }
        try {
            return file.getInputStream();
        } catch (IOException e) {
            throw new InvalidInputException("file", "import.file.unreadable");
        }
    }

    @Controller
    static class Pages {

        private final ImportService imports;
        private final ImportTypes types;
        private final ExportService exports;

        Pages(ImportService imports, ImportTypes types, ExportService exports) {
            this.imports = imports;
            this.types = types;
            this.exports = exports;
        }

        @GetMapping("/imports")
        String list(Actor actor, @RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
                    Model model) {
            model.addAttribute("types", types.all().stream().filter(t -> types.mayImport(actor, t)).toList());
            model.addAttribute("selectedType", type);
            // Jobs name their type by code; the page names it by its label.
            model.addAttribute("typeLabels", types.all().stream()
                    .collect(java.util.stream.Collectors.toMap(ImportType::code, ImportType::labelKey)));
            model.addAttribute("jobs", imports.jobs(actor.scope(), PageQuery.of(page, 20, null, "id", Set.of("id"))));
            return "imports/importList";
        }

        @PostMapping("/imports")
        String upload(Actor actor, @RequestParam String type, @RequestParam(required = false) MultipartFile file, Locale locale,
                      Model model) {
            try {
                ImportJob job = imports.submit(actor, type, file == null ? null : file.getOriginalFilename(), content(file), locale);
                return "redirect:/imports/" + job.id();
            } catch (InvalidInputException e) {
                model.addAttribute("violations", e.violations());
                return list(actor, type, null, model);
            }
        }

        @GetMapping("/imports/{id}")
        String show(Actor actor, @PathVariable long id, @RequestHeader(value = "HX-Request", required = false) String htmx,
                    Model model) {
            ImportJob job = imports.job(actor.scope(), id);
            // The row errors quote the file's cells: only for whoever may have the error report.
            boolean mayReadErrors = job.hasErrorReport() && imports.mayReadErrors(actor, job);
            model.addAttribute("job", job);
            model.addAttribute("mayReadErrors", mayReadErrors);
            model.addAttribute("errors", mayReadErrors ? imports.firstErrors(actor.scope(), id, 20) : List.of());
            return "true".equals(htmx) ? "imports/importJob :: status" : "imports/importJob";
        }

        @GetMapping("/imports/{id}/errors.xlsx")
        void errorReport(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean unmasked,
                         HttpServletResponse response) throws IOException {
            ImportJob job = imports.checkErrorReport(actor, id, unmasked);
            attachment(response, "errors-" + job.id() + "-" + job.fileName().replaceAll("\\.[A-Za-z]+$", "") + ".xlsx",
                    ExportService.Format.XLSX.contentType);
            imports.writeErrorReport(actor, id, unmasked, response.getOutputStream());
        }

        @GetMapping("/imports/templates/{type}.xlsx")
        void template(Actor actor, @PathVariable String type, HttpServletResponse response) throws IOException {
            ImportType<?> t = types.get(type);
            types.checkImportRole(actor, t);
            attachment(response, exports.fileName(t, ExportService.Format.XLSX).replaceAll("-\\d+\\.xlsx$", "-template.xlsx"),
                    ExportService.Format.XLSX.contentType);
            imports.writeTemplate(type, response.getOutputStream());
        }

        @GetMapping("/exports/{type}")
        void export(Actor actor, @PathVariable String type, @RequestParam Map<String, String> parameters,
                    HttpServletResponse response) throws IOException {
            ExportService.Format format = "csv".equalsIgnoreCase(parameters.get("format")) ? ExportService.Format.CSV
                    : ExportService.Format.XLSX;
            ExportType t = exports.prepare(actor, type, "true".equals(parameters.get("unmasked")), filters(parameters));
            attachment(response, exports.fileName(t, format), format.contentType);
            exports.export(actor, type, filters(parameters), "true".equals(parameters.get("unmasked")), format,
                    response.getOutputStream());
        }
    }

    @RestController
    @Tag(name = "imports", description = "导入导出")
    static class Api {

        private final ImportService imports;
        private final ExportService exports;

        Api(ImportService imports, ExportService exports) {
            this.imports = imports;
            this.exports = exports;
        }

        @PostMapping(path = "/api/v1/imports/{type}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        @Operation(summary = "Upload an xlsx or csv file (UTF-8 or GBK) for import; poll the job it returns")
        ResponseEntity<ImportJob> upload(Actor actor, @PathVariable String type, @RequestParam("file") MultipartFile file,
                                         Locale locale) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .body(imports.submit(actor, type, file.getOriginalFilename(), content(file), locale));
        }

        @GetMapping("/api/v1/imports/{id}")
        ImportJob job(DataScope scope, @PathVariable long id) {
            return imports.job(scope, id);
        }

        @GetMapping("/api/v1/imports")
        List<ImportJob> jobs(DataScope scope, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
            return imports.jobs(scope, PageQuery.of(page, size, null, "id", Set.of("id"))).content();
        }

        @GetMapping("/api/v1/imports/{id}/errors")
        @Operation(summary = "The error report of a rejected job (its rows in error), for its submitter or a holder of "
                + "VIEW_PERSONAL_DATA; masked unless unmasked=true (needs VIEW_PERSONAL_DATA); every download audited")
        void errors(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "false") boolean unmasked,
                    HttpServletResponse response) throws IOException {
            imports.checkErrorReport(actor, id, unmasked);
            attachment(response, "errors-" + id + ".xlsx", ExportService.Format.XLSX.contentType);
            imports.writeErrorReport(actor, id, unmasked, response.getOutputStream());
        }

        @GetMapping("/api/v1/exports/{type}")
        @Operation(summary = "Export a list (its filters as parameters) as xlsx (default) or format=csv; unmasked=true needs VIEW_PERSONAL_DATA")
        void export(Actor actor, @PathVariable String type, @RequestParam Map<String, String> parameters,
                    HttpServletResponse response) throws IOException {
            ExportService.Format format = "csv".equalsIgnoreCase(parameters.get("format")) ? ExportService.Format.CSV
                    : ExportService.Format.XLSX;
            ExportType t = exports.prepare(actor, type, "true".equals(parameters.get("unmasked")), filters(parameters));
            attachment(response, exports.fileName(t, format), format.contentType);
            exports.export(actor, type, filters(parameters), "true".equals(parameters.get("unmasked")), format,
                    response.getOutputStream());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Rules {
        /** Any signed-in user may reach these; each type then admits only its own roles (403 otherwise). */
        @Bean
        EndpointRules importEndpointRules() {
            return () -> List.of(
                    EndpointRule.authenticated("GET", "/imports"),
                    EndpointRule.authenticated("POST", "/imports"),
                    EndpointRule.authenticated("GET", "/imports/{id}"),
                    EndpointRule.authenticated("GET", "/imports/{id}/errors.xlsx"),
                    EndpointRule.authenticated("GET", "/imports/templates/{type}.xlsx"),
                    EndpointRule.authenticated("GET", "/exports/{type}"),
                    EndpointRule.authenticated("POST", "/api/v1/imports/{type}"),
                    EndpointRule.authenticated("GET", "/api/v1/imports"),
                    EndpointRule.authenticated("GET", "/api/v1/imports/{id}"),
                    EndpointRule.authenticated("GET", "/api/v1/imports/{id}/errors"),
                    EndpointRule.authenticated("GET", "/api/v1/exports/{type}"));
        }
    }
}
