package io.harbormaster.api.audit;

/** An audit export: its file name, media type and content. */
public record AuditExportFile(String fileName, String contentType, byte[] content) {
}
