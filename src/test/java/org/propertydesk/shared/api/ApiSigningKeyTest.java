package org.propertydesk.shared.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the token signing key comes from: configuration, or a file generated once in the data directory.
 */
class ApiSigningKeyTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aGeneratedKeyIsKeptOwnerOnlyAndReusedAfterARestart() throws Exception {
        ApiSigningKey first = ApiSigningKey.of(null, dataDirectory.resolve("data"));
        Path file = dataDirectory.resolve("data").resolve(ApiSigningKey.FILE_NAME);

        assertThat(file).exists();
        assertThat(first.key().getEncoded()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(first.key().getAlgorithm()).isEqualTo("HmacSHA256");
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        ApiSigningKey afterRestart = ApiSigningKey.of("", dataDirectory.resolve("data"));
        assertThat(afterRestart.key().getEncoded()).isEqualTo(first.key().getEncoded());
        assertThat(first.toString()).doesNotContain(Base64.getEncoder().encodeToString(first.key().getEncoded()));
    }

    @Test
    void aConfiguredKeyWinsAndMustHaveAtLeast256Bits() {
        byte[] bytes = new byte[32];
        bytes[0] = 7;
        ApiSigningKey configured = ApiSigningKey.of(Base64.getEncoder().encodeToString(bytes), dataDirectory);
        assertThat(configured.key().getEncoded()).isEqualTo(bytes);
        assertThat(dataDirectory.resolve(ApiSigningKey.FILE_NAME)).doesNotExist();

        assertThatThrownBy(() -> ApiSigningKey.of(Base64.getEncoder().encodeToString(new byte[16]), dataDirectory))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("256");
        assertThatThrownBy(() -> ApiSigningKey.of("not base64!", dataDirectory))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("base64");
    }
}
