package org.propertydesk.shared.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploaded photos and documents, kept under {@code ${propertydesk.data-dir}/files} with generated names: what a user
 * called the file never becomes a path, and the content decides the type, not the extension.
 */
@Component
public class FileStore {

    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Extensions a computer opens with a picture or PDF viewer, whichever of these types the content really is. */
    private static final List<String> OPENED_AS_PICTURE_OR_PDF = List.of(".jpg", ".jpeg", ".png", ".gif", ".webp",
            ".heic", ".pdf");

    private final Path root;

    FileStore(@Value("${propertydesk.data-dir}") Path dataDir) {
        this.root = dataDir.resolve("files").toAbsolutePath().normalize();
    }

    /** A file as stored: the key to find it again, its sniffed type, size and the name to offer on download. */
    public record StoredFile(String key, String contentType, long size, String fileName) {
    }

    /** Why an upload was refused, as a message key for the field. */
    public static final class RejectedFile extends Exception {

        private final String messageKey;

        RejectedFile(String messageKey) {
            super(messageKey);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public StoredFile store(MultipartFile upload, LocalDate today) throws RejectedFile {
        if (upload.isEmpty()) {
            throw new RejectedFile("file.error.empty");
        }
        if (upload.getSize() > MAX_BYTES) {
            throw new RejectedFile("file.error.tooLarge");
        }
        try {
            byte[] head;
            try (InputStream in = upload.getInputStream()) {
                head = in.readNBytes(16);
            }
            String type = ContentTypes.sniff(head).orElseThrow(() -> new RejectedFile("file.error.type"));
            String key = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID();
            Path target = resolve(key);
            Files.createDirectories(target.getParent());
            try (InputStream in = upload.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return new StoredFile(key, type, upload.getSize(), safeName(upload.getOriginalFilename(), type));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public Optional<Path> find(String key) {
        Path path = resolve(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    public void delete(String key) {
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException ignored) {
            // A leftover file is harmless: it is unreachable without its database row.
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Invalid file key");
        }
        return path;
    }

    /**
     * The name offered on download: letters, digits and a few separators, so that it is safe in a Content-Disposition
     * header, ending in a picture's or PDF's extension (that of the content if the name had another), so that a picture
     * uploaded as page.html is saved as a picture and never opened as a page.
     */
    private static String safeName(String original, String type) {
        String base = original == null ? "" : original.replaceAll("[\\\\/]", "_").replaceAll("[^\\p{L}\\p{N}._ -]", "");
        base = base.strip().replaceFirst("^\\.+", "");
        String extension = ContentTypes.extension(type);
        String lower = base.toLowerCase(Locale.ROOT);
        if (OPENED_AS_PICTURE_OR_PDF.stream().noneMatch(lower::endsWith)) {
            int dot = base.lastIndexOf('.');
            base = (dot >= 0 ? base.substring(0, dot) : base) + extension;
        }
        if (base.length() == extension.length()) {
            base = "file" + base;
        }
        return base.length() > 100 ? base.substring(base.length() - 100) : base;
    }
}
