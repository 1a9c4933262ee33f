package org.propertydesk.records;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.MediaType;

/**
 * The file types lists export to: the two the import reads.
 */
enum ExportFormat {
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    static Optional<ExportFormat> of(String extension) {
        return Arrays.stream(values())
                .filter(format -> format.extension.equals(extension == null ? "csv" : extension.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    String extension() {
        return extension;
    }

    MediaType mediaType() {
        return mediaType;
    }
}
