package org.propertydesk.shared.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;

/**
 * The file types lists export to: the two the import reads.
 */
public enum ExportFormat {
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format an extension names; none means CSV. */
    public static Optional<ExportFormat> of(String extension) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equals(extension == null ? "csv" : extension.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /**
     * The Content-Disposition of a download named {@code baseName} plus the extension, with the RFC 5987 form of the
     * name too, so that a site code in Chinese survives.
     */
    public String attachment(String baseName) {
        return ContentDisposition.attachment().filename(baseName + "." + extension, StandardCharsets.UTF_8).build().toString();
    }
}
