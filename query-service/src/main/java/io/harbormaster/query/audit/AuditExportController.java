package io.harbormaster.query.audit;

import io.harbormaster.api.audit.AuditEntry;
import io.harbormaster.api.user.Caller;
import io.harbormaster.query.web.ForbiddenException;
import io.harbormaster.query.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exports a team's audit log (or, for platform admins, the whole trail) as a CSV or JSON download, with the list's filters. The response is written while the
 * entries are read; everything that can refuse the export (parameters, unknown team, too many entries) is checked
 * first, so a refusal is always a clean problem detail rather than a cut-off file.
 */
@RestController
@Tag(name = "Audit")
class AuditExportController {

    static final URI TOO_MANY_ENTRIES = URI.create("https://harbormaster.dev/problems/export-too-large");

    private final AuditExport export;
    private final Clock clock;

    @Autowired
    AuditExportController(AuditQueries queries, JsonMapper json) {
        this(new AuditExport(queries, json, AuditExport.CHUNK_SIZE, AuditExport.MAX_ROWS), Clock.systemUTC());
    }

    AuditExportController(AuditExport export, Clock clock) {
        this.export = export;
        this.clock = clock;
    }

    @GetMapping("/api/teams/{id}/audit/export")
    @Operation(operationId = "exportTeamAudit", summary = "Export a team's audit log as CSV or JSON",
            description = "Every entry the audit log list shows for the same filters, newest first, as a download. "
                    + "CSV is RFC 4180 (header row, CRLF line ends); a field starting with =, +, -, @, tab or CR gets "
                    + "a leading ' so spreadsheets show it as text instead of running it as a formula. JSON is an "
                    + "array of the list's items. At most " + AuditExport.MAX_ROWS + " entries: when more match, "
                    + "the answer is 422 and the time range must be narrowed.")
    @ApiResponse(responseCode = "200", description = "The export, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = AuditEntry.class)))})
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in the problem's 'parameter'",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "404", description = "No such team",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Too many entries match; narrow 'from' and 'to'",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    void export(@PathVariable String id,
                @Parameter(description = "csv or json", required = true)
                @RequestParam(required = false) String format,
                @RequestParam(required = false) String actor,
                @Parameter(description = "api, ui, cli, reconciler or system")
                @RequestParam(required = false) String channel,
                @Parameter(description = "an event name such as MachineHandedOff")
                @RequestParam(required = false) String action,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                HttpServletResponse response) throws IOException {
        var teamId = Params.teamId("id", id);
        var exportFormat = AuditExportFormat.parse("format", format);
        var filter = AuditFilters.parse(actor, channel, action, from, to);
        var teamName = export.check(teamId, filter, caller);

        response.setStatus(HttpStatus.OK.value());
        response.setContentType(exportFormat.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName(teamName, teamId.value(), exportFormat)).build().toString());
        export.write(teamId, filter, exportFormat, response.getOutputStream());
    }

    @GetMapping("/api/admin/audit/export")
    @Operation(operationId = "exportPlatformAudit",
            summary = "Export the whole audit trail as CSV or JSON (platform admins)",
            description = "The platform audit log's entries for the same filters, in the formats and within the "
                    + "limit of a team's export.")
    @ApiResponse(responseCode = "200", description = "The export, as an attachment", content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
            @Content(mediaType = "application/json",
                    array = @ArraySchema(schema = @Schema(implementation = AuditEntry.class)))})
    @ApiResponse(responseCode = "400", description = "A bad parameter, named in the problem's 'parameter'",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "Too many entries match; narrow 'from' and 'to'",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(implementation = ProblemDetail.class)))
    void exportPlatform(@Parameter(description = "csv or json", required = true)
                        @RequestParam(required = false) String format,
                        @RequestParam(required = false) String actor,
                        @Parameter(description = "api, ui, cli, reconciler or system")
                        @RequestParam(required = false) String channel,
                        @Parameter(description = "an event name such as SignInFailed")
                        @RequestParam(required = false) String action,
                        @RequestParam(required = false) String from,
                        @RequestParam(required = false) String to,
                        @Parameter(hidden = true) @RequestAttribute(Caller.REQUEST_ATTRIBUTE) Caller caller,
                        HttpServletResponse response) throws IOException {
        if (caller == null || !caller.platformAdmin()) {
            throw new ForbiddenException("The platform audit log is for platform admins");
        }
        var exportFormat = AuditExportFormat.parse("format", format);
        var filter = AuditFilters.parse(actor, channel, action, from, to);
        export.checkPlatform(filter);

        response.setStatus(HttpStatus.OK.value());
        response.setContentType(exportFormat.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName("platform", "platform", exportFormat)).build().toString());
        export.write(null, filter, exportFormat, response.getOutputStream());
    }

    @ExceptionHandler(AuditExport.TooManyEntriesException.class)
    ProblemDetail tooManyEntries(AuditExport.TooManyEntriesException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setType(TOO_MANY_ENTRIES);
        problem.setTitle("Export too large");
        problem.setProperty("limit", e.limit());
        return problem;
    }

    /** {@code audit-<team name, or id when it has none usable>-<UTC time>.<format>}, safe in any file system. */
    String fileName(String teamName, String teamId, AuditExportFormat format) {
        return AuditExport.fileName(teamName, teamId, format, clock.instant());
    }
}
