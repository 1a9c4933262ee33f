package org.propertydesk.shared.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HS256 key that signs and checks API access tokens: from {@code propertydesk.api.token-key}, or else generated
 * once and kept in the data directory (readable by the owner only, where the file system knows permissions), so that
 * tokens stay valid across restarts. Two instances starting together on one data directory agree on one key: the file
 * is created exclusively and whoever loses the race reads the winner's key.
 */
record ApiSigningKey(SecretKey key) {

    static final String FILE_NAME = "api-token.key";
    static final int MIN_BYTES = 32;

    private static final Logger log = LoggerFactory.getLogger(ApiSigningKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static ApiSigningKey of(String configured, Path dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            return new ApiSigningKey(hmacKey(decode(configured.strip(), "propertydesk.api.token-key")));
        }
        return new ApiSigningKey(hmacKey(fromFile(dataDirectory.resolve(FILE_NAME))));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = new byte[MIN_BYTES * 2];
            new SecureRandom().nextBytes(key);
            try {
                write(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
            } catch (FileAlreadyExistsException anotherInstanceWasFaster) {
                return read(file);
            }
            log.info("Generated the API token signing key in {}; keep it secret, and give every instance the same one.",
                    file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the API token key " + file.toAbsolutePath()
                    + "; set propertydesk.api.token-key instead", e);
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        var options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        try (SeekableByteChannel channel = posix
                ? Files.newByteChannel(file, options, PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.newByteChannel(file, options)) {
            channel.write(ByteBuffer.wrap(content));
        }
        if (!posix) {
            var plain = file.toFile();
            boolean restricted = plain.setReadable(false, false) & plain.setReadable(true, true)
                    & plain.setWritable(false, false) & plain.setWritable(true, true);
            if (!restricted) {
                log.warn("Could not restrict access to {} to its owner; protect it by other means.", file.toAbsolutePath());
            }
        }
    }

    /** Reads the key, waiting briefly if another instance has created the file but not yet written it. */
    private static byte[] read(Path file) throws IOException {
        for (int attempt = 0;; attempt++) {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!text.isEmpty() || attempt == 20) {
                return decode(text, file.toAbsolutePath().toString());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while reading " + file, interrupted);
            }
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = base64.contains("-") || base64.contains("_") ? Base64.getUrlDecoder().decode(base64)
                    : Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("The API token key in " + source + " is not base64", notBase64);
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("The API token key in " + source + " has " + key.length * 8
                    + " bits; HS256 needs at least 256 (e.g. `openssl rand -base64 48`)");
        }
        return key;
    }

    private static SecretKey hmacKey(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }

    @Override
    public String toString() {
        return "ApiSigningKey[hidden]";
    }
}
