package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileProblemTest {
    @Test
    void namesTheReasonTheJdkLeavesOut() {
        assertThat(FileProblem.describe(new AccessDeniedException("/v/.weft"))).isEqualTo("/v/.weft: permission denied");
        assertThat(FileProblem.describe(new NoSuchFileException("/v"))).isEqualTo("/v: no such file or folder");
    }

    @Test
    void keepsAMessageThatHasAReason() {
        assertThat(FileProblem.describe(new FileSystemException("/v", null, "Read-only file system")))
                .isEqualTo("/v: Read-only file system");
        assertThat(FileProblem.describe(new IOException("disk on fire"))).isEqualTo("disk on fire");
    }
}
